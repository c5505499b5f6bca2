package org.fedbridge.core.bls;

import java.util.Arrays;
import org.fedbridge.core.types.Hex;
import org.fedbridge.core.types.Rejection;
import org.fedbridge.core.types.Result;
import supranational.blst.P1;
import supranational.blst.P1_Affine;

/**
 * A BLS signature (or partial signature): a G1 point on the curve, in the subgroup and not
 * infinity. Instances exist only through the checked decoders or by signing. Immutable.
 */
public final class Signature {
  private final P1_Affine point;
  private final byte[] compressed;

  Signature(P1_Affine point) {
    this.point = point;
    this.compressed = point.compress();
  }

  /** Decodes the 48-byte ZCash/blst compressed form. */
  public static Result<Signature> fromCompressed(byte[] bytes) {
    return PointCodec.g1FromCompressed(bytes).map(Signature::new);
  }

  /** Decodes the 128-byte EIP-2537 form (the one the L1 vault reads). */
  public static Result<Signature> fromEip2537(byte[] bytes) {
    return PointCodec.g1FromEip2537(bytes).map(Signature::new);
  }

  /**
   * Wraps a point computed in bridge-core (e.g. a Lagrange combination), with the same checks as
   * the decoders: on the curve, not infinity, in the r-order subgroup.
   *
   * @return the signature, or {@link Rejection#NOT_ON_CURVE}, {@link Rejection#INFINITY}, {@link
   *     Rejection#NOT_IN_SUBGROUP}
   */
  public static Result<Signature> fromPoint(P1 p) {
    Native.ensureLoaded();
    if (p == null) {
      return Result.err(Rejection.MALFORMED, "no point");
    }
    // SECURITY: only checked points become signatures (issue 9, item 13).
    return PointCodec.checkG1(p.to_affine()).map(Signature::new);
  }

  /** 48-byte compressed form. */
  public byte[] toCompressed() {
    return compressed.clone();
  }

  /** 128-byte EIP-2537 form: {@code pad16 ‖ x ‖ pad16 ‖ y}. */
  public byte[] toEip2537() {
    return PointCodec.g1ToEip2537(point);
  }

  /** A copy of the blst point, for arithmetic (e.g. Lagrange combination). */
  public P1 toP1() {
    return point.to_jacobian();
  }

  P1_Affine affine() {
    return point;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Signature other && Arrays.equals(compressed, other.compressed);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(compressed);
  }

  @Override
  public String toString() {
    return "Signature(" + Hex.encode(compressed) + ")";
  }
}
