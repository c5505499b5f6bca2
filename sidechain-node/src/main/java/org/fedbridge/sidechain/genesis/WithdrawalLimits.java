package org.fedbridge.sidechain.genesis;

import java.math.BigInteger;
import java.util.Optional;
import org.fedbridge.core.types.UInt256;

/**
 * What the L1 vault can pay in one withdrawal. Its accounting keeps per-period limits in 96 bits,
 * so no single withdrawal of 2^96 or more can ever be paid; an operator may also configure, per
 * token, the largest single withdrawal the vault is set to pay. The sidechain refuses to burn more
 * than that (threats.md row 21): what it burns must be claimable.
 */
public final class WithdrawalLimits {
  /** 2^96: the vault's bound on any one withdrawal (its limits are uint96). */
  public static final UInt256 VAULT_BOUND = new UInt256(BigInteger.ONE.shiftLeft(96));

  private WithdrawalLimits() {}

  /** Checks a configured maximum: positive and below the vault's bound. */
  static UInt256 checkedMaximum(UInt256 max, String field) {
    if (max.value().signum() == 0) {
      throw new IllegalArgumentException(field + " must be positive");
    }
    if (max.compareTo(VAULT_BOUND) >= 0) {
      throw new IllegalArgumentException(
          field + " must be below 2^96 (the vault can never pay 2^96 or more at once)");
    }
    return max;
  }

  /** Why a withdrawal of {@code amount} could never be paid, if it could not. */
  public static Optional<String> amountRefusal(UInt256 amount, Optional<UInt256> maximum) {
    if (amount.compareTo(VAULT_BOUND) >= 0) {
      return Optional.of("amount at or above 2^96, more than the vault can ever pay at once");
    }
    if (maximum.isPresent() && amount.compareTo(maximum.get()) > 0) {
      return Optional.of("amount above the maximum single withdrawal of " + maximum.get());
    }
    return Optional.empty();
  }
}
