package org.fedbridge.core.types;

import java.math.BigInteger;

/**
 * An unsigned 256-bit integer (Solidity {@code uint256}). Construction rejects negatives and values
 * above {@code 2^256 - 1}, so overflow is impossible to represent.
 */
public record UInt256(BigInteger value) implements Comparable<UInt256> {
  public static final BigInteger MAX_VALUE = BigInteger.ONE.shiftLeft(256).subtract(BigInteger.ONE);
  public static final UInt256 ZERO = new UInt256(BigInteger.ZERO);
  public static final UInt256 ONE = new UInt256(BigInteger.ONE);

  public UInt256 {
    // SECURITY: amounts and chain ids are uint256 on L1; anything else must not be encodable.
    if (value == null || value.signum() < 0 || value.compareTo(MAX_VALUE) > 0) {
      throw new IllegalArgumentException("not a uint256: " + value);
    }
  }

  public static UInt256 of(long v) {
    return new UInt256(BigInteger.valueOf(v));
  }

  /**
   * Parses a decimal string (the golden-vector form for big numbers). For trusted constants;
   * untrusted input goes through {@code decode}. Throws {@link IllegalArgumentException} on bad
   * input.
   */
  public static UInt256 parse(String decimal) {
    return new UInt256(new BigInteger(decimal));
  }

  /**
   * Decodes untrusted input: a canonical decimal string (digits only, no sign, no leading zeros
   * except "0"), at most {@code 2^256 - 1}.
   *
   * @return the value, or {@link Rejection#MALFORMED} / {@link Rejection#SCALAR_OUT_OF_RANGE}
   */
  public static Result<UInt256> decode(String decimal) {
    if (decimal == null || !decimal.matches("0|[1-9][0-9]{0,77}")) {
      return Result.err(Rejection.MALFORMED, "not a canonical decimal uint256");
    }
    BigInteger v = new BigInteger(decimal);
    if (v.compareTo(MAX_VALUE) > 0) {
      return Result.err(Rejection.SCALAR_OUT_OF_RANGE, "above 2^256 - 1");
    }
    return Result.ok(new UInt256(v));
  }

  /** {@code this + 1}; throws {@link ArithmeticException} at {@code 2^256 - 1}. */
  public UInt256 increment() {
    if (value.equals(MAX_VALUE)) {
      throw new ArithmeticException("uint256 overflow");
    }
    return new UInt256(value.add(BigInteger.ONE));
  }

  /** The 32-byte big-endian ABI word. */
  public byte[] toWord() {
    byte[] raw = value.toByteArray();
    byte[] w = new byte[32];
    int len = Math.min(raw.length, 32);
    System.arraycopy(raw, raw.length - len, w, 32 - len, len);
    return w;
  }

  @Override
  public int compareTo(UInt256 o) {
    return value.compareTo(o.value);
  }

  @Override
  public String toString() {
    return value.toString();
  }
}
