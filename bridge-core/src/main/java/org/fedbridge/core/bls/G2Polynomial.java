package org.fedbridge.core.bls;

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
    if (x < 1) {
      throw new IllegalArgumentException("evaluation point must be >= 1");
    }
    P2 acc = coeffs.get(coeffs.size() - 1).affine().to_jacobian();
    for (int k = coeffs.size() - 2; k >= 0; k--) {
      timesSmall(acc, x).add(coeffs.get(k).affine());
    }
    return acc;
  }

  /**
   * {@code acc · x} in place by double-and-add over the bits of the public {@code x}: for a member
   * index this is a handful of native calls, about half the cost of blst's windowed multiplication,
   * whose table set-up dominates for tiny scalars. Variable time: public x only.
   */
  static P2 timesSmall(P2 acc, int x) {
    if (x == 1) {
      return acc;
    }
    P2 base = acc.dup();
    for (int b = 30 - Integer.numberOfLeadingZeros(x); b >= 0; b--) {
      acc.dbl();
      if (((x >>> b) & 1) != 0) {
        acc.add(base);
      }
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
