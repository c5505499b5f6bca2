package org.fedbridge.sidechain.admission;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;
import org.fedbridge.core.types.Address;
import org.fedbridge.core.types.Bytes32;
import org.fedbridge.core.types.Keccak;
import org.fedbridge.sidechain.ledger.Block;
import org.fedbridge.sidechain.ledger.CertificateRejected;
import org.fedbridge.sidechain.ledger.DepositCertificate;
import org.fedbridge.sidechain.ledger.EpochCertificate;
import org.fedbridge.sidechain.ledger.EpochChangeVerdict;
import org.fedbridge.sidechain.ledger.ExecutedTransaction;
import org.fedbridge.sidechain.ledger.Ledger;
import org.fedbridge.sidechain.ledger.LogRecords;
import org.fedbridge.sidechain.ledger.MintVerdict;
import org.fedbridge.sidechain.ledger.TokenConfigCertificate;
import org.fedbridge.sidechain.ledger.TokenConfigVerdict;
import org.fedbridge.sidechain.ledger.Validity;
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
 *
 * <p>Each sender has a {@link SenderQueue}; everything about one sender happens under its queue's
 * monitor, so two transactions of one sender never take the same nonce, while different senders
 * never wait for each other.
 */
public final class Admission implements Ledger.Pool {
  private final Supplier<Ledger> ledger;
  private final RecordAppender log;
  private final int nonceWindow;
  private final int maxQueued;
  private final ConcurrentHashMap<Address, SenderQueue> senders = new ConcurrentHashMap<>();

  /** Accepted here and not yet in a block: waiting for a gap to close, or appended. */
  private final ConcurrentHashMap<Bytes32, SignedTransaction> pending = new ConcurrentHashMap<>();

  private final AtomicInteger waiting = new AtomicInteger();
  private final List<Consumer<Bytes32>> appendedListeners = new CopyOnWriteArrayList<>();

  /**
   * @param ledger the latest ledger (a replica installs it)
   * @param nonceWindow how far ahead of its pending nonce a sender's transaction may wait here
   * @param maxQueued most transactions waiting here, over all senders
   */
  public Admission(Supplier<Ledger> ledger, RecordAppender log, int nonceWindow, int maxQueued) {
    this.ledger = ledger;
    this.log = log;
    this.nonceWindow = nonceWindow;
    this.maxQueued = maxQueued;
  }

  /** Tells {@code listener} the hash of each transaction sent to the log (must not block). */
  public void onAppended(Consumer<Bytes32> listener) {
    appendedListeners.add(listener);
  }

  /** Accepted (the hash, and when the log holds it) or refused. */
  public sealed interface Verdict {
    record Accepted(Bytes32 hash, CompletableFuture<?> appended) implements Verdict {}

    record Refused(TxRejected rejection) implements Verdict {}
  }

  /** Checks and appends (or holds back) a raw transaction; does not wait for the log. */
  public Verdict submit(byte[] raw) {
    Ledger l = ledger.get();
    Decoded decoded = l.decoder().decode(raw);
    if (decoded instanceof Decoded.Refused r) {
      return new Verdict.Refused(r.rejection());
    }
    SignedTransaction tx = ((Decoded.Ok) decoded).tx();
    return withQueue(tx.sender(), q -> admit(l, q, tx));
  }

  private Verdict admit(Ledger l, SenderQueue q, SignedTransaction tx) {
    long next = q.pendingNonce(l.state().nonce(tx.sender()));
    if (pending.containsKey(tx.hash())) {
      return refused(TxError.ALREADY_KNOWN, null);
    }
    String nonces = "address " + tx.sender() + ", tx: " + tx.nonce() + " state: " + next;
    if (tx.nonce() < next) {
      return refused(TxError.NONCE_TOO_LOW, nonces);
    }
    if (tx.nonce() > next + nonceWindow) {
      return refused(TxError.NONCE_TOO_HIGH, nonces);
    }
    if (l.checkAdmissible(tx) instanceof Validity.Invalid invalid) {
      return new Verdict.Refused(invalid.rejection());
    }
    if (tx.nonce() > next) {
      if (waiting.get() >= maxQueued) {
        return refused(TxError.POOL_FULL, null);
      }
      if (!q.hold(tx)) {
        return refused(TxError.REPLACEMENT_UNDERPRICED, null);
      }
      waiting.incrementAndGet();
      pending.put(tx.hash(), tx);
      return new Verdict.Accepted(tx.hash(), CompletableFuture.completedFuture(null));
    }
    List<SignedTransaction> released = q.release(tx);
    waiting.addAndGet(1 - released.size());
    CompletableFuture<?> first = null;
    // Appended in nonce order under the sender's monitor: the log keeps that order.
    for (SignedTransaction t : released) {
      pending.put(t.hash(), t);
      CompletableFuture<Long> appended = log.append(LogRecords.transaction(t.raw()));
      first = first == null ? appended : first;
      appendedListeners.forEach(listener -> listener.accept(t.hash()));
    }
    return new Verdict.Accepted(tx.hash(), first);
  }

  private static Verdict refused(TxError error, String detail) {
    return new Verdict.Refused(
        detail == null ? TxRejected.of(error) : TxRejected.of(error, detail));
  }

  /** Runs {@code f} under the sender's queue, taking a fresh one if it was just retired. */
  private <T> T withQueue(Address sender, Function<SenderQueue, T> f) {
    while (true) {
      SenderQueue q = senders.computeIfAbsent(sender, a -> new SenderQueue());
      synchronized (q) {
        if (!q.retired()) {
          return f.apply(q);
        }
      }
    }
  }

  /** The nonce the sender's next transaction should carry (eth_getTransactionCount "pending"). */
  public long pendingNonce(Address sender) {
    long stateNonce = ledger.get().state().nonce(sender);
    SenderQueue q = senders.get(sender);
    if (q == null) {
      return stateNonce;
    }
    synchronized (q) {
      return q.retired() ? stateNonce : q.pendingNonce(stateNonce);
    }
  }

  /** How many transactions wait here for a nonce gap to close. */
  public int waitingCount() {
    return waiting.get();
  }

  /** A transaction this node accepted that is not in a block yet, if any. */
  public SignedTransaction pendingTransaction(Bytes32 hash) {
    return pending.get(hash);
  }

  /** Forgets transactions once a block holds them, and senders with nothing left to remember. */
  public void stored(Block block) {
    Ledger l = ledger.get();
    for (ExecutedTransaction e : block.transactions()) {
      pending.remove(e.tx().hash());
      retireIfIdle(l, e.tx().from());
    }
  }

  @Override
  public SignedTransaction decoded(Bytes32 hash) {
    return pending.get(hash);
  }

  @Override
  public void dropped(SignedTransaction tx, TxRejected reason) {
    // The log carried it but execution refused it (e.g. another replica admitted the same nonce):
    // fall back to the state's nonce for this sender.
    pending.remove(tx.hash());
    SenderQueue q = senders.get(tx.sender());
    if (q != null) {
      synchronized (q) {
        q.forgetAppended();
      }
      retireIfIdle(ledger.get(), tx.sender());
    }
  }

  private void retireIfIdle(Ledger l, Address sender) {
    SenderQueue q = senders.get(sender);
    if (q == null || l == null) {
      return;
    }
    synchronized (q) {
      if (q.retireIfIdle(l.state().nonce(sender))) {
        senders.remove(sender, q);
      }
    }
  }

  // ------------------------------------------------------------ certificates

  /** Outcome of a certificate submission. */
  public sealed interface CertificateVerdict {
    /** Appended to the log ({@code duplicate == false}) or already applied (a no-op). */
    record Accepted(Bytes32 hash, boolean duplicate, CompletableFuture<?> appended)
        implements CertificateVerdict {}

    record Refused(CertificateRejected rejection) implements CertificateVerdict {}
  }

  public CertificateVerdict submit(DepositCertificate c) {
    byte[] record = LogRecords.depositCertificate(c);
    MintVerdict v = ledger.get().verify(c);
    if (v instanceof MintVerdict.Refused r) {
      return new CertificateVerdict.Refused(r.rejection());
    }
    if (v instanceof MintVerdict.AlreadyMinted) {
      return new CertificateVerdict.Accepted(
          Keccak.hash(record), true, CompletableFuture.completedFuture(null));
    }
    return new CertificateVerdict.Accepted(Keccak.hash(record), false, log.append(record));
  }

  public CertificateVerdict submit(EpochCertificate c) {
    byte[] record = LogRecords.epochCertificate(c);
    if (ledger.get().verify(c) instanceof EpochChangeVerdict.Refused r) {
      return new CertificateVerdict.Refused(r.rejection());
    }
    return new CertificateVerdict.Accepted(Keccak.hash(record), false, log.append(record));
  }

  public CertificateVerdict submit(TokenConfigCertificate c) {
    byte[] record = LogRecords.tokenConfigCertificate(c);
    TokenConfigVerdict v = ledger.get().verify(c);
    if (v instanceof TokenConfigVerdict.Refused r) {
      return new CertificateVerdict.Refused(r.rejection());
    }
    if (v instanceof TokenConfigVerdict.AlreadyApplied) {
      return new CertificateVerdict.Accepted(
          Keccak.hash(record), true, CompletableFuture.completedFuture(null));
    }
    return new CertificateVerdict.Accepted(Keccak.hash(record), false, log.append(record));
  }
}
