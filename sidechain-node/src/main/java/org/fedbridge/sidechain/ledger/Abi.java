package org.fedbridge.sidechain.ledger;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.fedbridge.core.types.Address;
import org.fedbridge.core.types.Bytes32;
import org.fedbridge.core.types.Keccak;
import org.fedbridge.core.types.UInt256;

/** The few Solidity ABI pieces the built-in contracts need: selectors, static words, strings. */
final class Abi {
  private Abi() {}

  static int selector(String signature) {
    byte[] h = Keccak.hashBytes(signature.getBytes(StandardCharsets.US_ASCII));
    return ((h[0] & 0xff) << 24) | ((h[1] & 0xff) << 16) | ((h[2] & 0xff) << 8) | (h[3] & 0xff);
  }

  static Bytes32 topic(String eventSignature) {
    return Keccak.hash(eventSignature.getBytes(StandardCharsets.US_ASCII));
  }

  /** The call's selector, or -1 if the data is shorter than 4 bytes. */
  static long selectorOf(byte[] data) {
    if (data.length < 4) {
      return -1;
    }
    return ((data[0] & 0xffL) << 24)
        | ((data[1] & 0xff) << 16)
        | ((data[2] & 0xff) << 8)
        | (data[3] & 0xff);
  }

  /** Whether the call data is a selector followed by exactly {@code words} static words. */
  static boolean hasWords(byte[] data, int words) {
    return data.length == 4 + 32 * words;
  }

  static UInt256 uintArg(byte[] data, int i) {
    return new UInt256(
        new java.math.BigInteger(1, Arrays.copyOfRange(data, 4 + 32 * i, 4 + 32 * (i + 1))));
  }

  /** The address in argument {@code i}, or {@code null} if its high 12 bytes are not zero. */
  static Address addressArg(byte[] data, int i) {
    int off = 4 + 32 * i;
    for (int k = 0; k < 12; k++) {
      if (data[off + k] != 0) {
        return null;
      }
    }
    return new Address(Arrays.copyOfRange(data, off + 12, off + 32));
  }

  static byte[] string(String s) {
    byte[] b = s.getBytes(StandardCharsets.UTF_8);
    int padded = (b.length + 31) / 32 * 32;
    byte[] out = new byte[64 + padded];
    System.arraycopy(Words.uint(32), 0, out, 0, 32);
    System.arraycopy(Words.uint(b.length), 0, out, 32, 32);
    System.arraycopy(b, 0, out, 64, b.length);
    return out;
  }

  static byte[] bool(boolean b) {
    return Words.uint(b ? 1 : 0);
  }

  static byte[] concat(byte[]... words) {
    int n = 0;
    for (byte[] w : words) {
      n += w.length;
    }
    byte[] out = new byte[n];
    int off = 0;
    for (byte[] w : words) {
      System.arraycopy(w, 0, out, off, w.length);
      off += w.length;
    }
    return out;
  }

  /** {@code Error(string)} revert data, as Solidity's {@code require(cond, reason)} returns. */
  static byte[] revertReason(String reason) {
    byte[] sel = Words.uint(Integer.toUnsignedLong(selector("Error(string)")));
    return concat(Arrays.copyOfRange(sel, 28, 32), string(reason));
  }
}
