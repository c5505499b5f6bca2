package org.fedbridge.core.types;

import java.util.Arrays;

/** A 20-byte Ethereum address. {@link #ZERO} stands for ETH in deposits and withdrawals. */
public record Address(byte[] bytes) {
  public static final Address ZERO = new Address(new byte[20]);

  public Address {
    if (bytes == null || bytes.length != 20) {
      throw new IllegalArgumentException("Address needs exactly 20 bytes");
    }
    bytes = bytes.clone();
  }

  /**
   * Parses {@code 0x}-prefixed hex of exactly 20 bytes (checksum case is not enforced). For trusted
   * constants; untrusted input goes through {@code decode}. Throws {@link IllegalArgumentException}
   * on bad input.
   */
  public static Address fromHex(String hex) {
    return new Address(Hex.decode(hex));
  }

  /**
   * Decodes untrusted input: {@code 0x} plus exactly 40 hex digits.
   *
   * @return the address, or {@link Rejection#MALFORMED} / {@link Rejection#BAD_LENGTH}
   */
  public static Result<Address> decode(String hex) {
    return Hex.tryDecode(hex, 20).map(Address::new);
  }

  @Override
  public byte[] bytes() {
    return bytes.clone();
  }

  /** The 32-byte ABI word: 12 zero bytes then the address. */
  public byte[] toWord() {
    byte[] w = new byte[32];
    System.arraycopy(bytes, 0, w, 12, 20);
    return w;
  }

  public String toHex() {
    return Hex.encode(bytes);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Address other && Arrays.equals(bytes, other.bytes);
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
