package org.fedbridge.sidechain.ledger;

import java.math.BigInteger;
import java.util.Optional;
import org.fedbridge.core.types.UInt256;

/**
 * Checked arithmetic on {@link UInt256} amounts. Where an overflow or a shortfall is an expected
 * outcome (a transfer above a balance, a mint above 2^256 - 1) the ledger asks first and turns the
 * answer into a revert or a refusal; the operations below then cannot fail, and if they ever did
 * that would be a bug, reported by an exception rather than a wrong balance.
 */
final class Amounts {
  private Amounts() {}

  /** {@code a + b}, or empty above {@code 2^256 - 1}. */
  static Optional<UInt256> plus(UInt256 a, UInt256 b) {
    BigInteger s = a.value().add(b.value());
    return s.compareTo(UInt256.MAX_VALUE) > 0 ? Optional.empty() : Optional.of(new UInt256(s));
  }

  /** {@code a + b}, where the caller knows it fits (e.g. a part of a supply that fits). */
  static UInt256 add(UInt256 a, UInt256 b) {
    return plus(a, b).orElseThrow(() -> new ArithmeticException("uint256 overflow"));
  }

  /** {@code a - b}, where the caller checked {@code a >= b}. */
  static UInt256 subtract(UInt256 a, UInt256 b) {
    return new UInt256(a.value().subtract(b.value()));
  }

  static boolean covers(UInt256 balance, UInt256 amount) {
    return balance.compareTo(amount) >= 0;
  }
}
