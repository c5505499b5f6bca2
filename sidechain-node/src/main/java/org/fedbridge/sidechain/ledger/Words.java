package org.fedbridge.sidechain.ledger;

import java.math.BigInteger;
import org.fedbridge.core.types.Address;

/** 32-byte ABI words and unsigned 256-bit arithmetic helpers. */
public final class Words {
  public static final BigInteger MAX_UINT256 =
      BigInteger.ONE.shiftLeft(256).subtract(BigInteger.ONE);

  private Words() {}

  public static byte[] uint(BigInteger v) {
    byte[] raw = v.toByteArray();
    byte[] w = new byte[32];
    int len = Math.min(raw.length, 32);
    System.arraycopy(raw, raw.length - len, w, 32 - len, len);
    return w;
  }

  public static byte[] uint(long v) {
    return uint(BigInteger.valueOf(v));
  }

  public static byte[] address(Address a) {
    return a.toWord();
  }

  /** Minimal big-endian bytes (empty for zero). */
  public static byte[] minimal(BigInteger v) {
    if (v.signum() == 0) {
      return new byte[0];
    }
    byte[] raw = v.toByteArray();
    if (raw[0] == 0) {
      byte[] t = new byte[raw.length - 1];
      System.arraycopy(raw, 1, t, 0, t.length);
      return t;
    }
    return raw;
  }

  public static boolean fitsUint256(BigInteger v) {
    return v.signum() >= 0 && v.bitLength() <= 256;
  }
}
