package org.fedbridge.relayer.submit;

import java.math.BigInteger;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.fedbridge.relayer.track.ClaimProof;
import org.fedbridge.relayer.track.Stage;
import org.fedbridge.relayer.vault.VaultSnapshot;

/**
 * Decides which withdrawals to claim now and which wait, doing what the vault would do at claim
 * time so that the relayer neither wastes gas on a claim that must revert nor leaves a user without
 * a reason: nothing while the vault is paused; a root only after its challenge window; a large
 * withdrawal after its delay; per token, no more than the period limit leaves (in nonce order, as
 * the vault counts). What is ready is cut into {@code claimMany} transactions of at most {@code
 * maxPerTransaction} withdrawals and {@code gasBudget} gas. Pure: no I/O, time passed in.
 */
final class ClaimPlanner {
  private final int maxPerTransaction;
  private final long gasBudget;
  private final long gasPerClaim;

  ClaimPlanner(int maxPerTransaction, long gasBudget, long gasPerClaim) {
    this.maxPerTransaction = maxPerTransaction;
    this.gasBudget = gasBudget;
    this.gasPerClaim = gasPerClaim;
  }

  /** Why a withdrawal waits, and until when if that is known. */
  record Hold(BigInteger nonce, Stage stage, String detail, Instant until) {}

  /** Transactions to send (each a list of claims), and the holds. */
  record Plan(List<List<ClaimProof>> transactions, List<Hold> holds) {}

  /** The largest batch under the gas budget (the fixed cost of a transaction included). */
  int batchSize() {
    long fits = Math.max(1, (gasBudget - 21_000 - 10_000) / gasPerClaim);
    return (int) Math.min(maxPerTransaction, fits);
  }

  /**
   * @param claims withdrawals whose root is on L1, oldest nonce first
   * @param vault the vault's state
   * @param now the L1 time claims would run at (the latest block time)
   * @param rootDelay the vault's challenge window for roots (zero for a vault without one)
   */
  Plan plan(List<ClaimProof> claims, VaultSnapshot vault, Instant now, Duration rootDelay) {
    List<Hold> holds = new ArrayList<>();
    List<ClaimProof> ready = new ArrayList<>();
    Map<String, BigInteger> available = new HashMap<>();
    Map<String, BigInteger> locked = new HashMap<>();
    for (ClaimProof c : claims) {
      BigInteger nonce = c.withdrawal().nonce().value();
      BigInteger amount = c.withdrawal().amount().value();
      String token = c.withdrawal().l1Token().toHex();
      if (vault.paused()) {
        holds.add(
            new Hold(
                nonce, Stage.PAUSED, "the vault is paused; claims resume after unpause", null));
        continue;
      }
      Optional<VaultSnapshot.TokenState> state = vault.token(token);
      if (state.isEmpty()) {
        holds.add(new Hold(nonce, Stage.BLOCKED, "the relayer does not know token " + token, null));
        continue;
      }
      VaultSnapshot.TokenState s = state.get();
      Instant postedAt = c.rootPostedAt();
      if (postedAt != null && now.isBefore(postedAt)) {
        continue; // the vault state was read before the root was posted: wait for a fresh one
      }
      Instant claimableAt = postedAt == null ? now : postedAt.plus(rootDelay);
      if (!rootDelay.isZero() && now.isBefore(claimableAt)) {
        holds.add(
            new Hold(
                nonce,
                Stage.CHALLENGE_WINDOW,
                "the root is in its challenge window until " + claimableAt,
                claimableAt));
        continue;
      }
      if (amount.compareTo(s.limits().delayThreshold()) > 0 && postedAt != null) {
        Instant readyAt = postedAt.plusSeconds(s.limits().delaySeconds());
        if (now.isBefore(readyAt)) {
          holds.add(
              new Hold(
                  nonce,
                  Stage.DELAYED,
                  "above the " + s.symbol() + " delay threshold: the vault pays it from " + readyAt,
                  readyAt));
          continue;
        }
      }
      if (amount.compareTo(s.limits().periodLimit()) > 0) {
        holds.add(
            new Hold(
                nonce,
                Stage.BLOCKED,
                "above the "
                    + s.symbol()
                    + " period limit of "
                    + s.limits().periodLimit()
                    + ": it can be paid only after governance raises the limit",
                null));
        continue;
      }
      BigInteger left = available.computeIfAbsent(token, k -> s.available(now));
      if (amount.compareTo(left) > 0) {
        Instant end = s.periodEnd().isAfter(now) ? s.periodEnd() : now;
        holds.add(
            new Hold(
                nonce,
                Stage.RATE_LIMITED,
                "the " + s.symbol() + " period limit is used up: claimable again from " + end,
                end));
        continue;
      }
      BigInteger vaultHolds = locked.computeIfAbsent(token, k -> s.flow().locked());
      if (amount.compareTo(vaultHolds) > 0) {
        holds.add(
            new Hold(
                nonce,
                Stage.BLOCKED,
                "the vault holds less " + s.symbol() + " than this withdrawal",
                null));
        continue;
      }
      available.put(token, left.subtract(amount));
      locked.put(token, vaultHolds.subtract(amount));
      ready.add(c);
    }
    List<List<ClaimProof>> transactions = new ArrayList<>();
    int size = batchSize();
    for (int i = 0; i < ready.size(); i += size) {
      transactions.add(List.copyOf(ready.subList(i, Math.min(ready.size(), i + size))));
    }
    return new Plan(transactions, holds);
  }
}
