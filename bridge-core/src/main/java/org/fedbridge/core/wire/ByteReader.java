package org.fedbridge.core.wire;

import java.util.Arrays;

/**
 * Reads big-endian fields from a record whose length was already checked by the caller, so reads
 * never run past the end; unsigned 64-bit fields above {@code 2^63 - 1} are reported by {@link
 * #u63()} as {@code -1}.
 */
final class ByteReader {
  private final byte[] in;
  private int pos;

  ByteReader(byte[] in, int pos) {
    this.in = in;
    this.pos = pos;
  }

  int u8() {
    return in[pos++] & 0xff;
  }

  int u16() {
    return (u8() << 8) | u8();
  }

  long u32() {
    return ((long) u16() << 16) | u16();
  }

  /** An unsigned 64-bit field that must fit a Java long; -1 if its top bit is set. */
  long u63() {
    long v = 0;
    for (int i = 0; i < 8; i++) {
      v = (v << 8) | u8();
    }
    return v < 0 ? -1 : v;
  }

  byte[] take(int n) {
    byte[] b = Arrays.copyOfRange(in, pos, pos + n);
    pos += n;
    return b;
  }

  int position() {
    return pos;
  }
}
