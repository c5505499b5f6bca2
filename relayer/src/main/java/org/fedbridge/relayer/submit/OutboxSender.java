package org.fedbridge.relayer.submit;

import java.io.IOException;
import java.math.BigInteger;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.fedbridge.relayer.LoopLog;
import org.fedbridge.relayer.chain.GasKey;
import org.fedbridge.relayer.chain.L1Client;
import org.fedbridge.relayer.chain.VaultError;
import org.fedbridge.relayer.chain.VaultErrors;
import org.fedbridge.relayer.fees.FeeOracle;
import org.fedbridge.relayer.fees.FeeQuote;
import org.fedbridge.relayer.track.Stage;
import org.fedbridge.relayer.track.Transfers;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.web3j.utils.Numeric;

/**
 * Sends what the outbox holds and sees it mined. Each pass looks at every pending intent: if one of
 * its signed versions is mined, the intent ends (mined, or reverted with the vault's decoded
 * error); if the nonce was taken by a transaction this relayer did not make, it ends too; if it has
 * waited longer than {@code stuckAfter}, a replacement with fees raised by at least the bump is
 * signed, written and sent; if the node lost it (a restart, a dropped pool), the latest version is
 * sent again. Sending the same signed bytes twice is harmless: one nonce, one payment.
 */
final class OutboxSender {
  private static final Logger log = LoggerFactory.getLogger(OutboxSender.class);

  private final L1Client l1;
  private final GasKey key;
  private final Outbox outbox;
  private final FeeOracle fees;
  private final VaultErrors errors;
  private final Transfers transfers;
  private final Duration stuckAfter;
  private final Clock clock;
  private final LoopLog refusals = new LoopLog(log, "L1 transaction sender");

  OutboxSender(
      L1Client l1,
      GasKey key,
      Outbox outbox,
      FeeOracle fees,
      VaultErrors errors,
      Transfers transfers,
      Duration stuckAfter,
      Clock clock) {
    this.l1 = l1;
    this.key = key;
    this.outbox = outbox;
    this.fees = fees;
    this.errors = errors;
    this.transfers = transfers;
    this.stuckAfter = stuckAfter;
    this.clock = clock;
  }

  String address() {
    return key.address();
  }

  /** Aligns the outbox's nonce counter with the chain (after a start, or a foreign transaction). */
  void syncNonce() throws IOException {
    outbox.syncNonce(key.address(), l1.nonce(key.address(), true));
  }

  /** Writes a new intent and sends it; the intent stays pending until the chain says otherwise. */
  Outbox.Pending submit(
      OutboxEntity.Kind kind,
      Long batchId,
      String to,
      byte[] calldata,
      long gasLimit,
      FeeQuote.Priced quote,
      List<BigInteger> claimNonces)
      throws IOException {
    Outbox.Pending p =
        outbox.record(key, kind, batchId, to, calldata, gasLimit, quote, claimNonces);
    broadcast(p, p.latest());
    return p;
  }

  /** One pass over the pending intents; returns how many are still pending. */
  int track() throws IOException {
    List<Outbox.Pending> pending = outbox.pending();
    if (pending.isEmpty()) {
      return 0;
    }
    long mined = l1.nonce(key.address(), false);
    int still = 0;
    for (Outbox.Pending p : pending) {
      if (!settle(p, mined)) {
        still++;
      }
    }
    return still;
  }

  /**
   * @return whether the intent ended
   */
  private boolean settle(Outbox.Pending p, long minedNonce) throws IOException {
    for (Outbox.Attempt a : p.attempts()) {
      Optional<L1Client.Receipt> receipt = l1.receipt(a.hash());
      if (receipt.isPresent()) {
        finish(p, receipt.get());
        return true;
      }
    }
    if (p.nonce() < minedNonce) {
      // SECURITY: none of our versions was mined yet the nonce is used: someone else holds the
      // key (or another relayer runs with it). Nothing of ours can be mined under this nonce.
      outbox.finish(
          p.id(),
          OutboxEntity.Status.NONCE_TAKEN,
          null,
          null,
          null,
          null,
          "nonce " + p.nonce() + " was used by a transaction this relayer did not make");
      log.warn("nonce {} of {} was taken by a foreign transaction", p.nonce(), key.address());
      release(p, "the relayer's transaction was superseded; it will be sent again");
      return true;
    }
    Outbox.Attempt latest = p.latest();
    Instant since = latest.broadcastAt() != null ? latest.broadcastAt() : latest.createdAt();
    boolean stuck = Duration.between(since, clock.instant()).compareTo(stuckAfter) >= 0;
    if (!stuck && !l1.knows(latest.hash())) {
      // Lost by the node (its pool was dropped, or we crashed before sending): send it again.
      L1Client.SendOutcome outcome = broadcast(p, latest);
      if (!(outcome instanceof L1Client.SendOutcome.Refused r && underpriced(r.message()))) {
        return false;
      }
      // Refused as underpriced (the base fee rose past it): replace it now.
    } else if (!stuck) {
      return false;
    }
    FeeQuote bumped = fees.bump(latest.fees(), fees.quote());
    if (bumped instanceof FeeQuote.Priced priced) {
      Outbox.Attempt replacement = outbox.replace(key, p, priced);
      log.info(
          "nonce {} not mined after {}: replacing {} with {} (max fee {} -> {} wei)",
          p.nonce(),
          Duration.between(latest.createdAt(), clock.instant()),
          latest.hash(),
          replacement.hash(),
          latest.fees().maxFeePerGas(),
          priced.maxFeePerGas());
      broadcast(p, replacement);
    } else {
      outbox.note(p.id(), "stuck, and a fee bump would pass the fee ceiling: waiting");
      if (!l1.knows(latest.hash())) {
        broadcast(p, latest);
      }
    }
    return false;
  }

  private static boolean underpriced(String message) {
    String m = message.toLowerCase(java.util.Locale.ROOT);
    return m.contains("underpriced") || m.contains("base fee") || m.contains("fee too low");
  }

  private L1Client.SendOutcome broadcast(Outbox.Pending p, Outbox.Attempt a) throws IOException {
    L1Client.SendOutcome outcome = l1.send(a.raw());
    if (outcome instanceof L1Client.SendOutcome.Accepted) {
      outbox.broadcast(a.id());
    } else if (outcome instanceof L1Client.SendOutcome.NonceUsed used) {
      log.debug("nonce {} already used when sending {}: {}", p.nonce(), a.hash(), used.message());
    } else if (outcome instanceof L1Client.SendOutcome.Refused refused) {
      outbox.note(p.id(), "node refused " + a.hash() + ": " + refused.message());
      refusals.report(
          new IOException("L1 node refused nonce " + p.nonce() + ": " + refused.message()));
    }
    return outcome;
  }

  private void finish(Outbox.Pending p, L1Client.Receipt r) throws IOException {
    if (r.success()) {
      outbox.finish(
          p.id(),
          OutboxEntity.Status.MINED,
          r.hash(),
          r.blockNumber(),
          r.gasUsed(),
          r.effectiveGasPrice(),
          null);
      return;
    }
    // Replay the call just before its block to learn which custom error reverted it.
    L1Client.CallOutcome replay =
        l1.call(key.address(), p.to(), Numeric.toHexString(p.calldata()), r.blockNumber() - 1);
    String error =
        replay instanceof L1Client.CallOutcome.Reverted rev
            ? errors.decode(rev.revertData()).map(VaultError::toString).orElse(rev.message())
            : "reverted (the replay did not revert: state changed within the block)";
    outbox.finish(
        p.id(),
        OutboxEntity.Status.REVERTED,
        r.hash(),
        r.blockNumber(),
        r.gasUsed(),
        r.effectiveGasPrice(),
        error);
    log.warn("{} transaction {} (nonce {}) reverted: {}", p.kind(), r.hash(), p.nonce(), error);
    if (p.kind() == OutboxEntity.Kind.POST_ROOT && p.batchId() != null) {
      transfers.batchProblem(p.batchId(), "posting the root reverted: " + error);
    }
    release(p, "claim transaction reverted (" + error + "); it will be planned again");
  }

  private void release(Outbox.Pending p, String detail) {
    List<BigInteger> nonces = outbox.claimNonces(p.id());
    if (!nonces.isEmpty()) {
      transfers.hold(nonces, Stage.ROOT_POSTED, detail, null);
    }
  }
}
