package org.fedbridge.relayer.submit;

import java.math.BigInteger;
import java.time.Clock;
import java.time.Instant;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.fedbridge.relayer.chain.GasKey;
import org.fedbridge.relayer.fees.FeeQuote;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The outbox in PostgreSQL: an intended transaction is signed and written, with its nonce taken
 * from the gas account in the same transaction, before anything is sent. Replacements add signed
 * versions under the same nonce. What was mined is learnt from the chain and written back.
 */
@Component
class Outbox {
  private final OutboxRepository outbox;
  private final OutboxAttemptRepository attempts;
  private final OutboxClaimRepository claims;
  private final GasAccountRepository accounts;
  private final Clock clock;

  Outbox(
      OutboxRepository outbox,
      OutboxAttemptRepository attempts,
      OutboxClaimRepository claims,
      GasAccountRepository accounts,
      Clock clock) {
    this.outbox = outbox;
    this.attempts = attempts;
    this.claims = claims;
    this.accounts = accounts;
    this.clock = clock;
  }

  /** One signed version of an intended transaction. */
  record Attempt(
      long id,
      String hash,
      byte[] raw,
      FeeQuote.Priced fees,
      Instant createdAt,
      Instant broadcastAt) {}

  /** An intended transaction not known to be mined, with all its signed versions (oldest first). */
  record Pending(
      long id,
      OutboxEntity.Kind kind,
      Long batchId,
      long nonce,
      String to,
      byte[] calldata,
      long gasLimit,
      List<Attempt> attempts) {
    Attempt latest() {
      return attempts.get(attempts.size() - 1);
    }
  }

  /**
   * Makes sure the gas account's next nonce is at least {@code chainNext} (the chain's count of the
   * account's transactions, pooled ones included) and above every nonce in the outbox.
   */
  @Transactional
  long syncNonce(String address, long chainNext) {
    GasAccountEntity a =
        accounts.lock(address).orElseGet(() -> accounts.save(new GasAccountEntity(address, 0)));
    a.nextNonce = Math.max(a.nextNonce, Math.max(chainNext, outbox.nextUnusedNonce(address)));
    return a.nextNonce;
  }

  /** Takes the next nonce, signs, and writes the intent, its first version and its claims. */
  @Transactional
  Pending record(
      GasKey key,
      OutboxEntity.Kind kind,
      Long batchId,
      String to,
      byte[] calldata,
      long gasLimit,
      FeeQuote.Priced fees,
      List<BigInteger> claimNonces) {
    GasAccountEntity a =
        accounts
            .lock(key.address())
            .orElseGet(() -> accounts.save(new GasAccountEntity(key.address(), 0)));
    long nonce = a.nextNonce;
    a.nextNonce = nonce + 1;
    Instant now = clock.instant();
    OutboxEntity row =
        outbox.save(
            new OutboxEntity(kind, batchId, key.address(), nonce, to, calldata, gasLimit, now));
    for (BigInteger n : claimNonces) {
      claims.save(new OutboxClaimEntity(row.id, n));
    }
    GasKey.Signed signed =
        key.sign(nonce, to, calldata, gasLimit, fees.maxFeePerGas(), fees.maxPriorityFeePerGas());
    OutboxAttemptEntity attempt =
        attempts.save(
            new OutboxAttemptEntity(
                row.id,
                signed.hash(),
                signed.raw(),
                fees.maxFeePerGas(),
                fees.maxPriorityFeePerGas(),
                fees.nextBaseFee(),
                now));
    return new Pending(
        row.id, kind, batchId, nonce, to, row.calldata, gasLimit, List.of(attempt(attempt)));
  }

  /** Writes a replacement: the same transaction under the same nonce with higher fees. */
  @Transactional
  Attempt replace(GasKey key, Pending p, FeeQuote.Priced fees) {
    GasKey.Signed signed =
        key.sign(
            p.nonce(),
            p.to(),
            p.calldata(),
            p.gasLimit(),
            fees.maxFeePerGas(),
            fees.maxPriorityFeePerGas());
    return attempt(
        attempts.save(
            new OutboxAttemptEntity(
                p.id(),
                signed.hash(),
                signed.raw(),
                fees.maxFeePerGas(),
                fees.maxPriorityFeePerGas(),
                fees.nextBaseFee(),
                clock.instant())));
  }

  @Transactional
  void broadcast(long attemptId) {
    attempts.findById(attemptId).ifPresent(a -> a.broadcastAt = clock.instant());
  }

  @Transactional(readOnly = true)
  List<Pending> pending() {
    return outbox.findByStatusOrderByNonceAsc(OutboxEntity.Status.PENDING).stream()
        .map(
            o ->
                new Pending(
                    o.id,
                    o.kind,
                    o.batchId,
                    o.nonce,
                    o.toAddress,
                    o.calldata,
                    o.gasLimit,
                    attempts.findByOutboxIdOrderByIdAsc(o.id).stream()
                        .map(Outbox::attempt)
                        .toList()))
        .toList();
  }

  /** Records how an intent ended. */
  @Transactional
  void finish(
      long id,
      OutboxEntity.Status status,
      String minedHash,
      Long block,
      Long gasUsed,
      BigInteger price,
      String error) {
    OutboxEntity o = outbox.findById(id).orElseThrow();
    o.status = status;
    o.minedTxHash = minedHash;
    o.minedBlock = block;
    o.gasUsed = gasUsed;
    o.effectiveGasPrice = price;
    o.error = error;
    o.updatedAt = clock.instant();
  }

  @Transactional
  void note(long id, String error) {
    outbox
        .findById(id)
        .ifPresent(
            o -> {
              o.error = error;
              o.updatedAt = clock.instant();
            });
  }

  @Transactional(readOnly = true)
  List<BigInteger> claimNonces(long id) {
    return claims.findByKeyOutboxId(id).stream().map(c -> c.key.nonce()).toList();
  }

  /**
   * Withdrawals in a pending claim, or in a claim mined in the last ten minutes (until the L1
   * watcher records them paid): not to be planned again.
   */
  @Transactional(readOnly = true)
  Set<BigInteger> busyNonces() {
    return new HashSet<>(outbox.busyNonces(clock.instant().minusSeconds(600)));
  }

  /** Whether a root post for this batch is pending or mined. */
  @Transactional(readOnly = true)
  boolean rootBusy(long batchId) {
    return outbox.existsByKindAndBatchIdAndStatusIn(
        OutboxEntity.Kind.POST_ROOT,
        batchId,
        EnumSet.of(OutboxEntity.Status.PENDING, OutboxEntity.Status.MINED));
  }

  private static Attempt attempt(OutboxAttemptEntity a) {
    return new Attempt(
        a.id,
        a.txHash,
        a.raw,
        new FeeQuote.Priced(a.maxFee, a.priorityFee, a.nextBaseFee),
        a.createdAt,
        a.broadcastAt);
  }
}
