package org.fedbridge.core.testing;

import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.longs;

import java.math.BigInteger;
import java.util.List;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.Generate;

/**
 * QuickTheories generators shared by bridge-core's property tests. Like the generators they
 * replace, integer ranges mix in their edge cases (bounds, zero, ±1) in about one draw in ten, and
 * every generator shrinks towards its simplest value.
 */
public final class Gens {
  private Gens() {}

  /** Integers in {@code [min, max]}, bounds mixed in. */
  public static Gen<Integer> intRange(int min, int max) {
    return integers().between(min, max).mix(Generate.pick(List.of(min, max)), 10);
  }

  /** Any long, with 0, ±1 and the extremes mixed in. */
  public static Gen<Long> anyLong() {
    return longs()
        .all()
        .mix(Generate.pick(List.of(0L, 1L, -1L, Long.MIN_VALUE, Long.MAX_VALUE)), 10);
  }

  public static Gen<Boolean> bools() {
    return Generate.booleans();
  }

  /** Byte arrays of exactly {@code size} bytes, any content. */
  public static Gen<byte[]> bytes(int size) {
    return bytes(size, size);
  }

  /** Byte arrays of {@code min..max} bytes, any content; shrinks towards short and zero. */
  public static Gen<byte[]> bytes(int min, int max) {
    return Generate.byteArrays(
        integers().between(min, max), Generate.bytes(Byte.MIN_VALUE, Byte.MAX_VALUE, (byte) 0));
  }

  /**
   * Integers of every size around the uint256 range: any long, or up to 40 random bytes with a
   * random sign (so below 0, within 256 bits and above), with 0, 2^256 - 1, 2^256 and -1 mixed in.
   */
  public static Gen<BigInteger> bigIntegers() {
    BigInteger top = BigInteger.ONE.shiftLeft(256);
    Gen<BigInteger> wide =
        bytes(0, 40)
            .zip(
                Generate.booleans(),
                (b, neg) ->
                    new BigInteger(1, b).multiply(neg ? BigInteger.ONE.negate() : BigInteger.ONE));
    return anyLong()
        .map(BigInteger::valueOf)
        .mix(wide, 50)
        .mix(
            Generate.pick(
                List.of(
                    BigInteger.ZERO, top.subtract(BigInteger.ONE), top, BigInteger.ONE.negate())),
            10);
  }
}
