package org.fedbridge.core.types;

import java.util.Arrays;

/** An immutable 32-byte value (a Solidity {@code bytes32}): digests, Merkle nodes. */
public record Bytes32(byte[] bytes) {
  public static final Bytes32 ZERO = new Bytes32(new byte[32]);

  public Bytes32 {
    if (bytes == null || bytes.length != 32) {
      throw new IllegalArgumentException("Bytes32 needs exactly 32 bytes");
    }
    bytes = bytes.clone();
  }

  /**
   * Parses {@code 0x}-prefixed hex of exactly 32 bytes. For trusted constants; untrusted input goes
   * through {@code decode}. Throws {@link IllegalArgumentException} on bad input.
   */
  public static Bytes32 fromHex(String hex) {
    return new Bytes32(Hex.decode(hex));
  }

  /**
   * Decodes untrusted input: {@code 0x} plus exactly 64 hex digits.
   *
   * @return the value, or {@link Rejection#MALFORMED} / {@link Rejection#BAD_LENGTH}
   */
  public static Result<Bytes32> decode(String hex) {
    return Hex.tryDecode(hex, 32).map(Bytes32::new);
  }

  /** A defensive copy of the bytes. */
  @Override
  public byte[] bytes() {
    return bytes.clone();
  }

  /** Writes the 32 bytes into {@code out} at {@code offset} without copying twice. */
  public void copyTo(byte[] out, int offset) {
    System.arraycopy(bytes, 0, out, offset, 32);
  }

  public String toHex() {
    return Hex.encode(bytes);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Bytes32 other && Arrays.equals(bytes, other.bytes);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(bytes);
  }

  @Override
  public String toString() {
    return toHex();
  }
}
