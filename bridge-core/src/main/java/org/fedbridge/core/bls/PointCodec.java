package org.fedbridge.core.bls;

import static org.fedbridge.core.types.Rejection.BAD_LENGTH;
import static org.fedbridge.core.types.Rejection.INFINITY;
import static org.fedbridge.core.types.Rejection.NON_CANONICAL;
import static org.fedbridge.core.types.Rejection.NOT_IN_SUBGROUP;
import static org.fedbridge.core.types.Rejection.NOT_ON_CURVE;

import java.util.Arrays;
import org.fedbridge.core.types.Rejection;
import org.fedbridge.core.types.Result;
import supranational.blst.P1_Affine;
import supranational.blst.P2_Affine;

/**
 * Decoding and encoding of G1/G2 points in the two formats of docs/encoding.md: ZCash/blst
 * compressed (48/96 bytes) and EIP-2537 (128/256 bytes, EIP-2537 "Fine points and encoding of base
 * elements").
 *
 * <p>Every decoder checks, in this order: length, canonical form, on-curve, not infinity, subgroup.
 * Canonical form is enforced by re-encoding the decoded point and comparing bytes, so no second
 * byte string can ever stand for the same point.
 */
final class PointCodec {
  static final int G1_COMPRESSED = 48;
  static final int G2_COMPRESSED = 96;
  static final int G1_EIP2537 = 128;
  static final int G2_EIP2537 = 256;
  private static final int FP = 48;
  private static final int FP_PADDED = 64;

  private PointCodec() {}

  static Result<P1_Affine> g1FromCompressed(byte[] in) {
    Native.ensureLoaded();
    if (in == null || in.length != G1_COMPRESSED) {
      return Result.err(BAD_LENGTH, "G1 compressed needs 48 bytes");
    }
    // SECURITY: blst would also accept the 96-byte uncompressed form; require the compression flag.
    if ((in[0] & 0x80) == 0) {
      return Result.err(NON_CANONICAL, "compression flag not set");
    }
    if ((in[0] & 0x40) != 0) {
      return Result.err(INFINITY, "infinity flag set");
    }
    P1_Affine p;
    try {
      p = new P1_Affine(in);
    } catch (RuntimeException e) {
      return Result.err(blstReason(e), "G1 decode: " + e.getMessage());
    }
    return checkG1(p, in, true);
  }

  static Result<P2_Affine> g2FromCompressed(byte[] in) {
    Native.ensureLoaded();
    if (in == null || in.length != G2_COMPRESSED) {
      return Result.err(BAD_LENGTH, "G2 compressed needs 96 bytes");
    }
    if ((in[0] & 0x80) == 0) {
      return Result.err(NON_CANONICAL, "compression flag not set");
    }
    if ((in[0] & 0x40) != 0) {
      return Result.err(INFINITY, "infinity flag set");
    }
    P2_Affine p;
    try {
      p = new P2_Affine(in);
    } catch (RuntimeException e) {
      return Result.err(blstReason(e), "G2 decode: " + e.getMessage());
    }
    return checkG2(p, in, true);
  }

  /** EIP-2537 G1: {@code pad16 ‖ x ‖ pad16 ‖ y}. */
  static Result<P1_Affine> g1FromEip2537(byte[] in) {
    Native.ensureLoaded();
    if (in == null || in.length != G1_EIP2537) {
      return Result.err(BAD_LENGTH, "EIP-2537 G1 needs 128 bytes");
    }
    // SECURITY: all zeros is EIP-2537's infinity: never a signature or key.
    if (allZero(in)) {
      return Result.err(INFINITY, "all-zero EIP-2537 point");
    }
    byte[] blst = new byte[2 * FP];
    for (int i = 0; i < 2; i++) {
      Rejection r = unpad(in, i * FP_PADDED, blst, i * FP);
      if (r != null) {
        return Result.err(r, "coordinate " + i + " not a canonical field element");
      }
    }
    P1_Affine p;
    try {
      p = new P1_Affine(blst);
    } catch (RuntimeException e) {
      return Result.err(blstReason(e), "G1 decode: " + e.getMessage());
    }
    return checkG1(p, blst, false);
  }

  /** EIP-2537 G2: {@code x.c0 ‖ x.c1 ‖ y.c0 ‖ y.c1}, each {@code pad16 ‖ 48 bytes}. */
  static Result<P2_Affine> g2FromEip2537(byte[] in) {
    Native.ensureLoaded();
    if (in == null || in.length != G2_EIP2537) {
      return Result.err(BAD_LENGTH, "EIP-2537 G2 needs 256 bytes");
    }
    if (allZero(in)) {
      return Result.err(INFINITY, "all-zero EIP-2537 point");
    }
    // blst order is x.c1 ‖ x.c0 ‖ y.c1 ‖ y.c0: swap c0/c1 within each coordinate.
    int[] blstSlot = {1, 0, 3, 2};
    byte[] blst = new byte[4 * FP];
    for (int i = 0; i < 4; i++) {
      Rejection r = unpad(in, i * FP_PADDED, blst, blstSlot[i] * FP);
      if (r != null) {
        return Result.err(r, "coordinate " + i + " not a canonical field element");
      }
    }
    P2_Affine p;
    try {
      p = new P2_Affine(blst);
    } catch (RuntimeException e) {
      return Result.err(blstReason(e), "G2 decode: " + e.getMessage());
    }
    return checkG2(p, blst, false);
  }

  static byte[] g1ToEip2537(P1_Affine p) {
    byte[] s = p.serialize();
    byte[] out = new byte[G1_EIP2537];
    System.arraycopy(s, 0, out, 16, FP);
    System.arraycopy(s, FP, out, FP_PADDED + 16, FP);
    return out;
  }

  static byte[] g2ToEip2537(P2_Affine p) {
    byte[] s = p.serialize();
    byte[] out = new byte[G2_EIP2537];
    int[] blstSlot = {1, 0, 3, 2};
    for (int i = 0; i < 4; i++) {
      System.arraycopy(s, blstSlot[i] * FP, out, i * FP_PADDED + 16, FP);
    }
    return out;
  }

  /** On-curve, not infinity, in the subgroup: for points computed rather than decoded. */
  static Result<P1_Affine> checkG1(P1_Affine p) {
    return checkG1(p, null, true);
  }

  /** On-curve, not infinity, in the subgroup: for points computed rather than decoded. */
  static Result<P2_Affine> checkG2(P2_Affine p) {
    return checkG2(p, null, true);
  }

  private static Result<P1_Affine> checkG1(P1_Affine p, byte[] encoded, boolean compressed) {
    // SECURITY: on-curve, not-infinity, subgroup, canonical — in this order, for every input.
    if (!p.on_curve()) {
      return Result.err(NOT_ON_CURVE, "G1 point not on curve");
    }
    if (p.is_inf()) {
      return Result.err(INFINITY, "G1 point at infinity");
    }
    if (!p.in_group()) {
      return Result.err(NOT_IN_SUBGROUP, "G1 point outside the r-order subgroup");
    }
    // Decoded input only: re-encode and compare, so no second byte string stands for the point.
    if (encoded != null && !Arrays.equals(compressed ? p.compress() : p.serialize(), encoded)) {
      return Result.err(NON_CANONICAL, "G1 encoding is not canonical");
    }
    return Result.ok(p);
  }

  private static Result<P2_Affine> checkG2(P2_Affine p, byte[] encoded, boolean compressed) {
    if (!p.on_curve()) {
      return Result.err(NOT_ON_CURVE, "G2 point not on curve");
    }
    if (p.is_inf()) {
      return Result.err(INFINITY, "G2 point at infinity");
    }
    if (!p.in_group()) {
      return Result.err(NOT_IN_SUBGROUP, "G2 point outside the r-order subgroup");
    }
    // Decoded input only: re-encode and compare, so no second byte string stands for the point.
    if (encoded != null && !Arrays.equals(compressed ? p.compress() : p.serialize(), encoded)) {
      return Result.err(NON_CANONICAL, "G2 encoding is not canonical");
    }
    return Result.ok(p);
  }

  /** Copies a 64-byte padded coordinate into 48 bytes; null if canonical, else the reason. */
  private static Rejection unpad(byte[] in, int from, byte[] out, int to) {
    for (int i = 0; i < 16; i++) {
      // SECURITY: non-zero padding would give a second encoding of the same point.
      if (in[from + i] != 0) {
        return NON_CANONICAL;
      }
    }
    if (Fields.unsigned(in, from + 16, FP).compareTo(Fields.P) >= 0) {
      return NON_CANONICAL;
    }
    System.arraycopy(in, from + 16, out, to, FP);
    return null;
  }

  private static boolean allZero(byte[] b) {
    int acc = 0;
    for (byte x : b) {
      acc |= x;
    }
    return acc == 0;
  }

  private static Rejection blstReason(RuntimeException e) {
    // jblst reports "BLST_ERROR: point is not on curve" and similar.
    String m = String.valueOf(e.getMessage()).toLowerCase(java.util.Locale.ROOT);
    if (m.contains("not on curve")) {
      return NOT_ON_CURVE;
    }
    if (m.contains("not in group")) {
      return NOT_IN_SUBGROUP;
    }
    return NON_CANONICAL;
  }
}
