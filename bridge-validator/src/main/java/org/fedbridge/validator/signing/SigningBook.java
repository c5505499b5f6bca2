package org.fedbridge.validator.signing;

import java.math.BigInteger;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.fedbridge.core.types.Address;
import org.fedbridge.core.types.UInt256;
import org.fedbridge.validator.batch.BatchQueue.Outflow;

/**
 * One signing round's book, in memory: per token what was deposited, what withdrawals were signed
 * and when, and which tokens are queued behind a held batch. Loaded from the store at the start of
 * a round and updated as the round signs, so two batches of one round never both spend the same
 * allowance. Pure: no clock, no I/O.
 */
final class SigningBook {
  private final Map<Address, BigInteger> deposited;
  private final Map<Address, BigInteger> withdrawn;
  private final List<Outflow> outflows;
  private final Map<Address, UInt256> blockedBy = new HashMap<>();

  SigningBook(
      Map<Address, UInt256> deposited, Map<Address, UInt256> withdrawn, List<Outflow> outflows) {
    this.deposited = new HashMap<>();
    deposited.forEach((t, a) -> this.deposited.put(t, a.value()));
    this.withdrawn = new HashMap<>();
    withdrawn.forEach((t, a) -> this.withdrawn.put(t, a.value()));
    this.outflows = new ArrayList<>(outflows);
    this.outflows.sort(Comparator.comparing(Outflow::signedAt));
  }

  static SigningBook empty() {
    return new SigningBook(Map.of(), Map.of(), List.of());
  }

  /** Deposited minus withdrawals already signed; never negative. */
  BigInteger locked(Address token) {
    BigInteger l =
        deposited
            .getOrDefault(token, BigInteger.ZERO)
            .subtract(withdrawn.getOrDefault(token, BigInteger.ZERO));
    return l.signum() < 0 ? BigInteger.ZERO : l;
  }

  /** Sum signed for {@code token} in the sliding window {@code (now - period, now]}. */
  BigInteger usedInWindow(Address token, Instant now, long periodSeconds) {
    Instant from = now.minusSeconds(periodSeconds);
    BigInteger sum = BigInteger.ZERO;
    for (Outflow o : outflows) {
      if (o.token().equals(token) && o.signedAt().isAfter(from) && !o.signedAt().isAfter(now)) {
        sum = sum.add(o.amount().value());
      }
    }
    return sum;
  }

  /**
   * The earliest time at which {@code need} more fits under {@code limit} in the window, as older
   * outflows leave it; empty if it never fits (need above the whole limit).
   */
  Optional<Instant> fitsAt(
      Address token, BigInteger need, BigInteger limit, Instant now, long periodSeconds) {
    if (need.compareTo(limit) > 0) {
      return Optional.empty();
    }
    BigInteger used = usedInWindow(token, now, periodSeconds);
    if (used.add(need).compareTo(limit) <= 0) {
      return Optional.of(now);
    }
    Instant from = now.minusSeconds(periodSeconds);
    for (Outflow o : outflows) {
      if (!o.token().equals(token) || !o.signedAt().isAfter(from)) {
        continue;
      }
      used = used.subtract(o.amount().value());
      if (used.add(need).compareTo(limit) <= 0) {
        // The outflow leaves the window (now - period, now] once now >= signedAt + period.
        return Optional.of(o.signedAt().plusSeconds(periodSeconds));
      }
    }
    return Optional.of(now.plusSeconds(periodSeconds));
  }

  /** The held batch that later batches of {@code token} queue behind, if any. */
  Optional<UInt256> blockedBy(Address token) {
    return Optional.ofNullable(blockedBy.get(token));
  }

  void block(Address token, UInt256 batchId) {
    blockedBy.merge(token, batchId, (a, b) -> a.compareTo(b) <= 0 ? a : b);
  }

  /** Records signed withdrawals: they leave the locked amount and enter the window. */
  void recordSigned(Map<Address, BigInteger> totals, Instant signedAt) {
    totals.forEach(
        (token, amount) -> {
          withdrawn.merge(token, amount, BigInteger::add);
          outflows.add(new Outflow(token, new UInt256(amount), signedAt));
        });
  }
}
