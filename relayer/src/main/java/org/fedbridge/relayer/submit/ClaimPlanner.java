package org.fedbridge.relayer.submit;

import java.math.BigInteger;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.fedbridge.relayer.track.ClaimProof;
import org.fedbridge.relayer.track.Outflow;
import org.fedbridge.relayer.track.Stage;
import org.fedbridge.relayer.track.Transfers;
import org.fedbridge.relayer.vault.VaultSnapshot;

/**
 * Decides which withdrawals to claim now and which wait, by the vault's own rules and numbers, so
 * that the relayer neither wastes gas on a claim that must revert nor leaves a user without a
 * reason: nothing while the vault is paused; nothing from a root before its challenge window ends
 * ({@code rootStatus.claimableAt}); a withdrawal above its token's delay threshold from {@code
 * postedAt + max(challengePeriod, delaySeconds)}; per token, no more than {@code
 * min(tokenFlow.available, tokenFlow.locked)} as the vault computed it, counted down in nonce
 * order. What is ready is cut into {@code claimMany} transactions of at most {@code
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
   * @param vault the vault's state, read at L1 time {@code vault.at()}
   * @param outflows payouts and debts the relayer saw on L1 recently, to tell when a period limit
   *     lets a held withdrawal out (only for the estimate: whether it fits is the vault's number)
   */
  Plan plan(List<ClaimProof> claims, VaultSnapshot vault, List<Outflow> outflows) {
    Instant now = vault.at();
    List<Hold> holds = new ArrayList<>();
    List<ClaimProof> ready = new ArrayList<>();
    Map<String, BigInteger> taken = new HashMap<>();
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
      if (postedAt == null || now.isBefore(postedAt)) {
        continue; // the vault state was read before the root was posted: wait for a fresh one
      }
      Instant claimableAt =
          c.rootClaimableAt() != null
              ? c.rootClaimableAt()
              : postedAt.plus(vault.challengePeriod());
      Instant readyAt = claimableAt;
      boolean large = amount.compareTo(s.limits().delayThreshold()) > 0;
      if (large) {
        Instant delayEnds = postedAt.plusSeconds(s.limits().delaySeconds());
        readyAt = delayEnds.isAfter(claimableAt) ? delayEnds : claimableAt;
      }
      if (now.isBefore(readyAt)) {
        holds.add(
            readyAt.equals(claimableAt)
                ? new Hold(
                    nonce,
                    Stage.CHALLENGE_WINDOW,
                    Transfers.challengeWindow(claimableAt),
                    claimableAt)
                : new Hold(
                    nonce,
                    Stage.DELAYED,
                    "above the "
                        + s.symbol()
                        + " delay threshold: the vault pays it from "
                        + readyAt,
                    readyAt));
        continue;
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
      BigInteger before = taken.getOrDefault(token, BigInteger.ZERO);
      BigInteger left = s.flow().available().subtract(before).max(BigInteger.ZERO);
      if (amount.compareTo(left) > 0) {
        holds.add(rateLimited(nonce, amount, before, s, now, outflows));
        continue;
      }
      if (amount.compareTo(s.flow().locked().subtract(before)) > 0) {
        holds.add(
            new Hold(
                nonce,
                Stage.BLOCKED,
                "the vault holds less " + s.symbol() + " than this withdrawal",
                null));
        continue;
      }
      taken.put(token, before.add(amount));
      ready.add(c);
    }
    List<List<ClaimProof>> transactions = new ArrayList<>();
    int size = batchSize();
    for (int i = 0; i < ready.size(); i += size) {
      transactions.add(List.copyOf(ready.subList(i, Math.min(ready.size(), i + size))));
    }
    return new Plan(transactions, holds);
  }

  /**
   * A withdrawal the period limit holds, with the time the vault's window lets it out. The vault
   * counts an outflow in its sub-window and the two after; if the outflows the relayer saw add up
   * to what the vault counts ({@code spentInWindow}), the time is exact (absent new claims),
   * otherwise it is the next sub-window boundary, the earliest anything can free up.
   */
  private static Hold rateLimited(
      BigInteger nonce,
      BigInteger amount,
      BigInteger plannedNow,
      VaultSnapshot.TokenState s,
      Instant now,
      List<Outflow> outflows) {
    long slot = s.slotOf(now);
    BigInteger[] bySlot = {BigInteger.ZERO, BigInteger.ZERO, BigInteger.ZERO}; // slot-2, -1, 0
    boolean consistent = true;
    for (Outflow o : outflows) {
      if (!o.token().equalsIgnoreCase(s.l1Token())) {
        continue;
      }
      long age = slot - s.slotOf(o.at());
      if (age < 0) {
        consistent = false; // seen after the vault was read
      } else if (age <= 2) {
        bySlot[(int) (2 - age)] = bySlot[(int) (2 - age)].add(o.amount());
      }
    }
    consistent &= bySlot[0].add(bySlot[1]).add(bySlot[2]).equals(s.flow().spentInWindow());
    bySlot[2] = bySlot[2].add(plannedNow);
    Instant until = s.nextRollAt(now);
    if (consistent) {
      for (int m = 1; m <= 3; m++) {
        BigInteger counted = BigInteger.ZERO;
        for (int i = m; i < 3; i++) {
          counted = counted.add(bySlot[i]);
        }
        if (counted.add(amount).compareTo(s.limits().periodLimit()) <= 0) {
          until = s.slotStart(slot + m);
          break;
        }
      }
    }
    return new Hold(
        nonce,
        Stage.RATE_LIMITED,
        "the "
            + s.symbol()
            + " period limit is used up ("
            + s.flow().available()
            + " of "
            + s.limits().periodLimit()
            + " left in the window): claimable again "
            + (consistent ? "from " : "at the earliest from ")
            + until,
        until);
  }
}
