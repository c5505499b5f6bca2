package org.fedbridge.core.bls;

import java.math.BigInteger;

/** BLS12-381 field and group orders. */
public final class Fields {
  /** Base field modulus p. */
  public static final BigInteger P =
      new BigInteger(
          "1a0111ea397fe69a4b1ba7b6434bacd764774b84f38512bf6730d2a0f6b0f6241eabfffeb153ffffb9feffffffffaaab",
          16);

  /** Prime order r of G1, G2 and the scalar field. */
  public static final BigInteger R =
      new BigInteger("73eda753299d7d483339d80809a1d80553bda402fffe5bfeffffffff00000001", 16);

  private Fields() {}

  /** Unsigned big-endian bytes as a non-negative integer. */
  static BigInteger unsigned(byte[] b, int off, int len) {
    byte[] c = new byte[len];
    System.arraycopy(b, off, c, 0, len);
    return new BigInteger(1, c);
  }
}
