package org.fedbridge.core.bls;

import java.math.BigInteger;
import java.util.List;
import supranational.blst.P2;

/**
 * Arithmetic on polynomials "in the exponent" with G2 coefficients, as used by Feldman commitments
 * {@code C_k = a_k · G2}: evaluation at a small public integer and coefficient-wise sums. Works on
 * blst points directly (affine additions, no intermediate copies).
 */
public final class G2Polynomial {
  private G2Polynomial() {}

  /**
   * {@code Σ_k C_k · x^k} by Horner's rule: {@code t-1} multiplications by the small public integer
   * {@code x} and {@code t-1} additions, instead of {@code t} full-size multiplications.
   */
  public static P2 evaluate(List<PublicKey> coeffs, int x) {
    BigInteger bx = BigInteger.valueOf(x);
    P2 acc = coeffs.get(coeffs.size() - 1).affine().to_jacobian();
    for (int k = coeffs.size() - 2; k >= 0; k--) {
      acc.mult(bx).add(coeffs.get(k).affine());
    }
    return acc;
  }

  /** {@code Σ_j P_j}; infinity for an empty list. */
  public static P2 sum(List<PublicKey> points) {
    P2 acc = new P2();
    for (PublicKey p : points) {
      acc.add(p.affine());
    }
    return acc;
  }
}
