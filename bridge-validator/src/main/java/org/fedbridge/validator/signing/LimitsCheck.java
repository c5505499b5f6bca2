package org.fedbridge.validator.signing;

import java.math.BigInteger;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import org.fedbridge.core.message.MessageType;
import org.fedbridge.core.message.Withdrawal;
import org.fedbridge.core.types.Address;
import org.fedbridge.core.types.UInt256;

/**
 * Stage 2: the vault's per-token limits, applied before signing (threats.md row 9). A withdrawal
 * batch whose token total would take the sliding-window outflow above {@code periodLimit} waits
 * until enough of the window has passed (or the limit is raised); a batch holding a withdrawal
 * above {@code delayThreshold} waits {@code delaySeconds} after it became safe. Held batches are
 * retried, never dropped; later batches of a token queue behind a batch held for its period limit.
 * A withdrawal the vault could never pay (zero amount, recipient zero or the vault itself) holds
 * its batch as well. Deposits are not limited here: they only mint what this validator saw locked
 * on L1.
 */
final class LimitsCheck implements SigningStage {

  @Override
  public String name() {
    return "limits";
  }

  @Override
  public Verdict check(Candidate candidate, SigningContext context) {
    SigningRequest request = candidate.request();
    if (request.type() != MessageType.WITHDRAWAL_BATCH) {
      return Verdict.PASS;
    }
    Address vault = context.epoch().domain().vault();
    for (Withdrawal w : candidate.withdrawals()) {
      // SECURITY: never certify what the vault can never pay (contracts/README.md, "What the
      // other components must mirror"); an honest sidechain never burns these.
      if (w.amount().value().signum() == 0
          || w.l1Recipient().equals(Address.ZERO)
          || w.l1Recipient().equals(vault)) {
        return hold(
            "withdrawal "
                + w.nonce()
                + " can never be paid by the vault (zero amount, or recipient zero or the vault)",
            w.l1Token(),
            Optional.empty(),
            true);
      }
    }
    Instant now = context.now();
    Map<Address, BigInteger> largest = candidate.largestWithdrawals();
    Optional<Instant> delayedUntil = Optional.empty();
    Address delayedToken = null;
    for (Map.Entry<Address, BigInteger> e : candidate.withdrawalTotals().entrySet()) {
      Address token = e.getKey();
      BigInteger total = e.getValue();
      Optional<UInt256> ahead = context.book().blockedBy(token);
      if (ahead.isPresent() && ahead.get().compareTo(request.batchId()) < 0) {
        return hold(
            "queued behind held withdrawal batch " + ahead.get() + " for token " + token.toHex(),
            token,
            Optional.empty(),
            true);
      }
      TokenLimits limits = context.limits().get(token);
      // SECURITY: unknown limits mean no certificate (fail closed), not "no limit".
      if (limits == null) {
        return hold("limits of token " + token.toHex() + " not read from L1", token, null, false);
      }
      if (limits.periodSeconds() == 0) {
        return hold(
            "token " + token.toHex() + " has no period limit on L1", token, Optional.empty(), true);
      }
      BigInteger periodLimit = limits.periodLimit().value();
      // SECURITY: never certify more per sliding window than the vault would pay out.
      Optional<Instant> fits =
          context.book().fitsAt(token, total, periodLimit, now, limits.periodSeconds());
      if (fits.isEmpty()) {
        return hold(
            "batch withdraws "
                + total
                + " of token "
                + token.toHex()
                + ", above its whole period limit "
                + periodLimit
                + "; waits for the limit to be raised",
            token,
            Optional.empty(),
            true);
      }
      if (fits.get().isAfter(now)) {
        return hold(
            "period limit "
                + periodLimit
                + " per "
                + limits.periodSeconds()
                + " s of token "
                + token.toHex()
                + " reached; "
                + total
                + " fits from "
                + fits.get(),
            token,
            fits,
            true);
      }
      if (largest.get(token).compareTo(limits.delayThreshold().value()) > 0) {
        Instant readyAt = request.safeAt().plusSeconds(limits.delaySeconds());
        if (now.isBefore(readyAt)
            && (delayedUntil.isEmpty() || readyAt.isAfter(delayedUntil.get()))) {
          delayedUntil = Optional.of(readyAt);
          delayedToken = token;
        }
      }
    }
    // SECURITY: a large withdrawal waits out the delay, giving pausers time to react.
    if (delayedUntil.isPresent()) {
      return hold(
          "withdrawal of token "
              + delayedToken.toHex()
              + " above its delay threshold waits until "
              + delayedUntil.get(),
          delayedToken,
          delayedUntil,
          false);
    }
    return Verdict.PASS;
  }

  private static Verdict hold(
      String reason, Address token, Optional<Instant> retryAt, boolean keepsOrder) {
    return new Verdict.Hold(
        reason, Optional.of(token), retryAt == null ? Optional.empty() : retryAt, keepsOrder);
  }
}
