package org.fedbridge.core.wire;

import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.function.IntPredicate;
import org.fedbridge.core.types.Address;
import org.fedbridge.core.types.Bytes32;
import org.fedbridge.core.types.Rejection;
import org.fedbridge.core.types.UInt256;

/**
 * Big-endian reads that never run past the end: a short input fails with {@link
 * Rejection#BAD_LENGTH}, a u64 above {@code Long.MAX_VALUE} with {@link Rejection#MALFORMED}.
 */
final class ByteReader {
  private final byte[] in;
  private int pos;

  ByteReader(byte[] in) {
    this.in = in;
  }

  int remaining() {
    return in.length - pos;
  }

  int position() {
    return pos;
  }

  /** Fails unless at least {@code n} bytes remain (checked before allocating for a count). */
  void need(long n, String what) {
    if (n > remaining()) {
      throw new WireException(Rejection.BAD_LENGTH, "truncated " + what);
    }
  }

  int u8() {
    need(1, "record");
    return in[pos++] & 0xff;
  }

  int u16() {
    return (u8() << 8) | u8();
  }

  long u32() {
    return ((long) u16() << 16) | u16();
  }

  /** A u64 that must fit a Java long. */
  long u64(String what) {
    need(8, what);
    long v = 0;
    for (int i = 0; i < 8; i++) {
      v = (v << 8) | (in[pos++] & 0xff);
    }
    if (v < 0) {
      throw new WireException(Rejection.MALFORMED, what + " above 2^63 - 1");
    }
    return v;
  }

  byte[] take(int n, String what) {
    need(n, what);
    byte[] b = Arrays.copyOfRange(in, pos, pos + n);
    pos += n;
    return b;
  }

  UInt256 u256(String what) {
    return new UInt256(new BigInteger(1, take(32, what)));
  }

  Bytes32 b32(String what) {
    return new Bytes32(take(32, what));
  }

  Address addr(String what) {
    return new Address(take(20, what));
  }

  /** A u8-length ASCII string whose every character satisfies {@code ok}. */
  String str8(String what, int min, int max, IntPredicate ok) {
    int len = u8();
    String s = new String(take(len, what), StandardCharsets.ISO_8859_1);
    if (len < min || len > max || !s.chars().allMatch(ok)) {
      throw new WireException(Rejection.MALFORMED, what + " not 1-" + max + " allowed characters");
    }
    return s;
  }

  /** A u16-length UTF-8 string of at most {@code max} bytes; invalid UTF-8 is refused. */
  String utf16(String what, int max) {
    int len = u16();
    if (len > max) {
      throw new WireException(Rejection.MALFORMED, what + " longer than " + max + " bytes");
    }
    byte[] b = take(len, what);
    try {
      // SECURITY: strict decoding: overlong forms or lone surrogates would be second encodings.
      return StandardCharsets.UTF_8
          .newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(b))
          .toString();
    } catch (CharacterCodingException e) {
      throw new WireException(Rejection.MALFORMED, what + " is not UTF-8");
    }
  }

  /** Fails on trailing bytes: one encoding per record. */
  void end(String what) {
    if (remaining() != 0) {
      throw new WireException(Rejection.BAD_LENGTH, remaining() + " trailing bytes after " + what);
    }
  }
}
