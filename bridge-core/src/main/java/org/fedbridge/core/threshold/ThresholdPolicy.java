package org.fedbridge.core.threshold;

import org.fedbridge.core.types.Rejection;
import org.fedbridge.core.types.Result;

/**
 * A validated {@code t}-of-{@code n}: {@code ⌊2n/3⌋ + 1 ≤ t ≤ n}, {@code n ≥ 1}. The lower bound is
 * a supermajority, so always above a simple majority; nothing below it is representable (threats.md
 * row 4, Harmony Horizon).
 */
public record ThresholdPolicy(int threshold, int members) {

  /** Largest member count supported (share indexes are small integers). */
  public static final int MAX_MEMBERS = 1000;

  public ThresholdPolicy {
    Result<Void> r = validate(threshold, members);
    if (!r.isOk()) {
      throw new IllegalArgumentException(((Result.Err<Void>) r).detail());
    }
  }

  /** The smallest threshold allowed for {@code n}: {@code ⌊2n/3⌋ + 1}. */
  public static int minimumThreshold(int n) {
    return (2 * n) / 3 + 1;
  }

  /** The default policy for {@code n} members: {@code t = ⌊2n/3⌋ + 1}. */
  public static ThresholdPolicy defaultFor(int n) {
    return new ThresholdPolicy(minimumThreshold(n), n);
  }

  /** Checks {@code (t, n)} and returns the policy, or {@link Rejection#THRESHOLD_POLICY}. */
  public static Result<ThresholdPolicy> of(int t, int n) {
    Result<Void> r = validate(t, n);
    return r.isOk() ? Result.ok(new ThresholdPolicy(t, n)) : r.map(v -> null);
  }

  private static Result<Void> validate(int t, int n) {
    if (n < 1 || n > MAX_MEMBERS) {
      return Result.err(Rejection.THRESHOLD_POLICY, "member count " + n + " not in [1, 1000]");
    }
    // SECURITY: threats.md row 4 — never below ⌊2n/3⌋+1 (which is also above a majority).
    if (t < minimumThreshold(n)) {
      return Result.err(
          Rejection.THRESHOLD_POLICY,
          "threshold " + t + " below ⌊2n/3⌋+1 = " + minimumThreshold(n) + " for n = " + n);
    }
    // SECURITY: threats.md row 3 — t > n could never sign; t = 0 is caught above.
    if (t > n) {
      return Result.err(Rejection.THRESHOLD_POLICY, "threshold " + t + " above n = " + n);
    }
    return Result.ok(null);
  }
}
