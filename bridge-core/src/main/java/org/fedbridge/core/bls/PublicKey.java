package org.fedbridge.core.bls;

import java.util.Arrays;
import org.fedbridge.core.types.Hex;
import org.fedbridge.core.types.Rejection;
import org.fedbridge.core.types.Result;
import supranational.blst.P2;
import supranational.blst.P2_Affine;

/**
 * A BLS public key: a G2 point that is on the curve, in the r-order subgroup and not infinity
 * (min-sig scheme). Instances exist only through the checked decoders or from a secret key, so
 * holding one is proof that it was validated. Immutable.
 */
public final class PublicKey {
  private final P2_Affine point;
  private final byte[] compressed;

  /**
   * Fixed-base table for short scalars, built on first use by batch verification: entry {@code 15w
   * + d - 1} is {@code d · 2^(4w) · pk} for windows {@code w = 0..15} and digits {@code d = 1..15}
   * (240 points, ~46 KB). A share key is multiplied by a fresh 64-bit weight in every batch check;
   * with the table that is at most 16 additions instead of a full multiplication.
   */
  private volatile P2_Affine[] comb;

  PublicKey(P2_Affine point) {
    this.point = point;
    this.compressed = point.compress();
  }

  /** Decodes the 96-byte ZCash/blst compressed form. */
  public static Result<PublicKey> fromCompressed(byte[] bytes) {
    return PointCodec.g2FromCompressed(bytes).map(PublicKey::new);
  }

  /** Decodes the 256-byte EIP-2537 form (the one the L1 vault stores). */
  public static Result<PublicKey> fromEip2537(byte[] bytes) {
    return PointCodec.g2FromEip2537(bytes).map(PublicKey::new);
  }

  /**
   * Wraps a point computed in bridge-core (a sum or an interpolation), with the same checks as the
   * decoders: on the curve, not infinity (e.g. a sum that cancelled), in the r-order subgroup.
   *
   * @return the key, or {@link Rejection#NOT_ON_CURVE}, {@link Rejection#INFINITY}, {@link
   *     Rejection#NOT_IN_SUBGROUP}
   */
  public static Result<PublicKey> fromPoint(P2 p) {
    Native.ensureLoaded();
    if (p == null) {
      return Result.err(Rejection.MALFORMED, "no point");
    }
    // SECURITY: a raw blst point can be built off the subgroup (deserialize checks only the
    // curve): only checked points become keys (issue 9, item 13).
    return PointCodec.checkG2(p.to_affine()).map(PublicKey::new);
  }

  /** 96-byte compressed form. */
  public byte[] toCompressed() {
    return compressed.clone();
  }

  /** 256-byte EIP-2537 form: {@code x.c0 ‖ x.c1 ‖ y.c0 ‖ y.c1}, each padded to 64 bytes. */
  public byte[] toEip2537() {
    return PointCodec.g2ToEip2537(point);
  }

  /** A copy of the blst point, for arithmetic in bridge-core. */
  public P2 toP2() {
    return point.to_jacobian();
  }

  P2_Affine affine() {
    return point;
  }

  /** {@code w · pk} for an unsigned 64-bit {@code w}, from the comb table. Variable time. */
  P2 timesWeight(long w) {
    P2_Affine[] t = comb;
    if (t == null) {
      t = buildComb();
      comb = t;
    }
    P2 acc = new P2();
    for (int win = 0; win < 16; win++) {
      int d = (int) (w >>> (4 * win)) & 15;
      if (d != 0) {
        acc.add(t[15 * win + d - 1]);
      }
    }
    return acc;
  }

  private P2_Affine[] buildComb() {
    P2_Affine[] t = new P2_Affine[16 * 15];
    P2 base = point.to_jacobian();
    for (int win = 0; win < 16; win++) {
      P2 m = base.dup();
      for (int d = 1; d <= 15; d++) {
        t[15 * win + d - 1] = m.to_affine();
        m.add(base);
      }
      base = m; // 16 · 2^(4w) · pk
    }
    return t;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof PublicKey other && Arrays.equals(compressed, other.compressed);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(compressed);
  }

  @Override
  public String toString() {
    return "PublicKey(" + Hex.encode(compressed) + ")";
  }
}
