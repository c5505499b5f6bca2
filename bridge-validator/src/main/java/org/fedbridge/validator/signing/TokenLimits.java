package org.fedbridge.validator.signing;

import org.fedbridge.core.types.UInt256;

/**
 * One token's outflow limits as the vault holds them ({@code tokenSettings}): at most {@code
 * periodLimit} per {@code periodSeconds}, and withdrawals above {@code delayThreshold} wait {@code
 * delaySeconds}. A validator applies them before it certifies withdrawals, as a sliding window.
 */
public record TokenLimits(
    boolean registered,
    UInt256 periodLimit,
    long periodSeconds,
    UInt256 delayThreshold,
    long delaySeconds) {
  public TokenLimits {
    if (periodSeconds < 0 || delaySeconds < 0) {
      throw new IllegalArgumentException("durations must not be negative");
    }
  }

  /** The stricter of two readings (e.g. at the safe and at the latest L1 block). */
  public TokenLimits stricter(TokenLimits other) {
    return new TokenLimits(
        registered && other.registered,
        min(periodLimit, other.periodLimit),
        Math.max(periodSeconds, other.periodSeconds),
        min(delayThreshold, other.delayThreshold),
        Math.max(delaySeconds, other.delaySeconds));
  }

  private static UInt256 min(UInt256 a, UInt256 b) {
    return a.compareTo(b) <= 0 ? a : b;
  }
}
