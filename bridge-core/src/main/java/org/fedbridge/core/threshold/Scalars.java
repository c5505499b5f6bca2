package org.fedbridge.core.threshold;

import java.math.BigInteger;
import org.fedbridge.core.bls.Fields;

/** Arithmetic modulo the group order r. */
final class Scalars {
  static final BigInteger R = Fields.R;

  private Scalars() {}

  /**
   * Inverts every element mod r with one modular inversion (Montgomery's batch-inversion trick:
   * prefix products, one inverse, walk back).
   */
  static BigInteger[] batchInverse(BigInteger[] xs) {
    int n = xs.length;
    BigInteger[] prefix = new BigInteger[n];
    BigInteger acc = BigInteger.ONE;
    for (int i = 0; i < n; i++) {
      prefix[i] = acc;
      acc = acc.multiply(xs[i]).mod(R);
    }
    BigInteger inv = acc.modInverse(R);
    BigInteger[] out = new BigInteger[n];
    for (int i = n - 1; i >= 0; i--) {
      out[i] = inv.multiply(prefix[i]).mod(R);
      inv = inv.multiply(xs[i]).mod(R);
    }
    return out;
  }

  /** Horner evaluation of {@code coeffs[0] + coeffs[1]·x + …} mod r. */
  static BigInteger evaluate(BigInteger[] coeffs, int x) {
    BigInteger bx = BigInteger.valueOf(x);
    BigInteger acc = BigInteger.ZERO;
    for (int k = coeffs.length - 1; k >= 0; k--) {
      acc = acc.multiply(bx).add(coeffs[k]).mod(R);
    }
    return acc;
  }
}
