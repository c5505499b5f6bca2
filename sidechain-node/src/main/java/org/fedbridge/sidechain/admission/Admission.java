package org.fedbridge.sidechain.admission;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.fedbridge.core.types.Address;
import org.fedbridge.core.types.Bytes32;
import org.fedbridge.sidechain.ledger.Block;
import org.fedbridge.sidechain.ledger.Certificates;
import org.fedbridge.sidechain.ledger.ExecutedTransaction;
import org.fedbridge.sidechain.ledger.Keccak256;
import org.fedbridge.sidechain.ledger.Ledger;
import org.fedbridge.sidechain.ledger.LogRecords;
import org.fedbridge.sidechain.ledger.Overlay;
import org.fedbridge.sidechain.ledger.State;
import org.fedbridge.sidechain.replication.RecordAppender;
import org.fedbridge.sidechain.tx.Decoded;
import org.fedbridge.sidechain.tx.SignedTransaction;
import org.fedbridge.sidechain.tx.TxError;
import org.fedbridge.sidechain.tx.TxRejected;

/**
 * The gate in front of the log: nothing is appended unless it would execute now. Transactions are
 * decoded, their signature, chain id, fees, gas and funds checked against the latest block, and
 * their nonce against the sender's pending nonce (the next nonce after what this node already
 * appended). A nonce ahead of the pending one, within a window, waits here until the gap closes, so
 * the log only ever carries a sender's transactions in nonce order. Every replica checks all of it
 * again at execution: this is a courtesy to users, not the safety barrier.
 */
public final class Admission implements Ledger.Pool {
  private final Supplier<Ledger> ledger;
  private final RecordAppender log;
  private final int nonceWindow;
  private final int maxQueued;
  private final Object[] locks = new Object[256];
  private final Map<Address, Long> pendingNonce = new ConcurrentHashMap<>();
  private final Map<Address, TreeMap<Long, SignedTransaction>> queued = new ConcurrentHashMap<>();
  private final Map<Bytes32, SignedTransaction> pending = new ConcurrentHashMap<>();
  private final AtomicInteger queuedCount = new AtomicInteger();

  public Admission(Supplier<Ledger> ledger, RecordAppender log, int nonceWindow, int maxQueued) {
    this.ledger = ledger;
    this.log = log;
    this.nonceWindow = nonceWindow;
    this.maxQueued = maxQueued;
    for (int i = 0; i < locks.length; i++) {
      locks[i] = new Object();
    }
  }

  /** Accepted (the transaction hash) or refused. */
  public sealed interface Verdict {
    record Accepted(byte[] hash, CompletableFuture<?> appended) implements Verdict {}

    record Refused(TxRejected rejection) implements Verdict {}
  }

  /** Checks and appends (or queues) a raw transaction; does not wait for the log. */
  public Verdict submit(byte[] raw) {
    Ledger l = ledger.get();
    Decoded decoded = l.decoder().decode(raw);
    if (decoded instanceof Decoded.Refused r) {
      return new Verdict.Refused(r.rejection());
    }
    SignedTransaction tx = ((Decoded.Ok) decoded).tx();
    Address sender = tx.sender();
    synchronized (lockFor(sender)) {
      State st = State.readOnly(l.world());
      long stateNonce = st.account(sender).nonce();
      long next = pendingNonce(sender, stateNonce);
      if (pending.containsKey(new Bytes32(tx.hash()))) {
        return new Verdict.Refused(TxRejected.of(TxError.ALREADY_KNOWN));
      }
      if (tx.nonce() < next) {
        return new Verdict.Refused(
            TxRejected.of(
                TxError.NONCE_TOO_LOW,
                "address " + sender + ", tx: " + tx.nonce() + " state: " + next));
      }
      if (tx.nonce() > next + nonceWindow) {
        return new Verdict.Refused(
            TxRejected.of(
                TxError.NONCE_TOO_HIGH,
                "address " + sender + ", tx: " + tx.nonce() + " state: " + next));
      }
      TxRejected invalid = l.executor().checkValid(tx, st, tx.nonce());
      if (invalid != null) {
        return new Verdict.Refused(invalid);
      }
      if (tx.nonce() > next) {
        if (queuedCount.get() >= maxQueued) {
          return new Verdict.Refused(TxRejected.of(TxError.POOL_FULL));
        }
        TreeMap<Long, SignedTransaction> q = queued.computeIfAbsent(sender, a -> new TreeMap<>());
        if (q.putIfAbsent(tx.nonce(), tx) == null) {
          queuedCount.incrementAndGet();
        }
        pending.put(new Bytes32(tx.hash()), tx);
        return new Verdict.Accepted(tx.hash(), CompletableFuture.completedFuture(null));
      }
      List<CompletableFuture<Long>> appended = new ArrayList<>();
      appended.add(append(tx));
      long n = tx.nonce() + 1;
      TreeMap<Long, SignedTransaction> q = queued.get(sender);
      while (q != null && q.containsKey(n)) {
        appended.add(append(q.remove(n)));
        queuedCount.decrementAndGet();
        n++;
      }
      if (q != null && q.isEmpty()) {
        queued.remove(sender);
      }
      pendingNonce.put(sender, n);
      return new Verdict.Accepted(tx.hash(), appended.get(0));
    }
  }

  private CompletableFuture<Long> append(SignedTransaction tx) {
    pending.put(new Bytes32(tx.hash()), tx);
    return log.append(LogRecords.transaction(tx.raw()));
  }

  /** Waits until the log holds the record (or reports why not). */
  public static String awaitAppended(CompletableFuture<?> appended) {
    try {
      appended.get(15, TimeUnit.SECONDS);
      return null;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return "interrupted";
    } catch (ExecutionException | TimeoutException e) {
      return "transaction log unavailable";
    }
  }

  /** The nonce the sender's next transaction should carry (eth_getTransactionCount "pending"). */
  public long pendingNonce(Address sender) {
    long stateNonce = State.readOnly(ledger.get().world()).account(sender).nonce();
    return pendingNonce(sender, stateNonce);
  }

  private long pendingNonce(Address sender, long stateNonce) {
    Long p = pendingNonce.get(sender);
    if (p == null || p <= stateNonce) {
      if (p != null) {
        pendingNonce.remove(sender, p);
      }
      return stateNonce;
    }
    return p;
  }

  /** A transaction this node accepted that is not in a block yet, if any. */
  public SignedTransaction pendingTransaction(byte[] hash) {
    return pending.get(new Bytes32(hash));
  }

  /** Forget transactions once a block holds them. */
  public void stored(Block block) {
    for (ExecutedTransaction e : block.transactions()) {
      pending.remove(new Bytes32(e.tx().hash()));
    }
  }

  @Override
  public SignedTransaction decoded(byte[] hash) {
    return pending.get(new Bytes32(hash));
  }

  @Override
  public void dropped(SignedTransaction tx, TxRejected reason) {
    // The log carried it but execution refused it (e.g. another replica admitted the same nonce):
    // fall back to the state's nonce for this sender.
    pending.remove(new Bytes32(tx.hash()));
    pendingNonce.remove(tx.sender());
  }

  // ------------------------------------------------------------ certificates

  /** Outcome of a certificate submission. */
  public sealed interface CertificateVerdict {
    /** Appended to the log ({@code duplicate == false}) or already applied (a no-op). */
    record Accepted(byte[] hash, boolean duplicate, CompletableFuture<?> appended)
        implements CertificateVerdict {}

    record Refused(String reason) implements CertificateVerdict {}
  }

  public CertificateVerdict submit(Certificates.DepositCertificate c) {
    Ledger l = ledger.get();
    byte[] record = LogRecords.depositCertificate(c);
    State st = new State(new Overlay(l.world()));
    String refused = l.certificates().checkDeposit(c, st);
    if ("already minted".equals(refused)) {
      return new CertificateVerdict.Accepted(
          Keccak256.hash(record), true, CompletableFuture.completedFuture(null));
    }
    if (refused == null && l.certificates().mintOverflows(c, st)) {
      refused = "mint would overflow";
    }
    if (refused != null) {
      return new CertificateVerdict.Refused(refused);
    }
    return new CertificateVerdict.Accepted(Keccak256.hash(record), false, log.append(record));
  }

  public CertificateVerdict submit(Certificates.EpochCertificate c) {
    Ledger l = ledger.get();
    byte[] record = LogRecords.epochCertificate(c);
    String refused = l.certificates().checkEpochChange(c, new State(new Overlay(l.world())));
    if (refused != null) {
      return new CertificateVerdict.Refused(refused);
    }
    return new CertificateVerdict.Accepted(Keccak256.hash(record), false, log.append(record));
  }

  private Object lockFor(Address a) {
    return locks[a.hashCode() & 0xff];
  }
}
