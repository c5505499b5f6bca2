package org.fedbridge.sidechain.ledger;

import java.math.BigInteger;
import org.fedbridge.core.types.Bytes32;
import org.fedbridge.core.types.UInt256;

/** 32-byte ABI words and the minimal big-endian form amounts take in the state. */
final class Words {
  private Words() {}

  static byte[] uint(BigInteger v) {
    byte[] raw = v.toByteArray();
    byte[] w = new byte[32];
    int len = Math.min(raw.length, 32);
    System.arraycopy(raw, raw.length - len, w, 32 - len, len);
    return w;
  }

  static byte[] uint(long v) {
    return uint(BigInteger.valueOf(v));
  }

  static Bytes32 word(UInt256 v) {
    return new Bytes32(v.toWord());
  }

  static Bytes32 word(long v) {
    return new Bytes32(uint(v));
  }

  /** Minimal big-endian bytes (empty for zero), as amounts are stored. */
  static byte[] minimal(UInt256 v) {
    BigInteger b = v.value();
    if (b.signum() == 0) {
      return new byte[0];
    }
    byte[] raw = b.toByteArray();
    if (raw[0] == 0) {
      byte[] t = new byte[raw.length - 1];
      System.arraycopy(raw, 1, t, 0, t.length);
      return t;
    }
    return raw;
  }
}
