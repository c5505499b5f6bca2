package org.fedbridge.core.types;

import java.util.HexFormat;

/** Hex helpers for the {@code 0x}-prefixed lowercase form used in golden vectors and logs. */
public final class Hex {
  private static final HexFormat HEX = HexFormat.of();

  private Hex() {}

  /** Lowercase hex with {@code 0x} prefix. */
  public static String encode(byte[] bytes) {
    return "0x" + HEX.formatHex(bytes);
  }

  /**
   * Strict decoding of untrusted hex: {@code 0x} prefix required, even length, hex digits only,
   * exactly {@code length} bytes.
   */
  public static Result<byte[]> tryDecode(String hex, int length) {
    if (hex == null || !hex.startsWith("0x")) {
      return Result.err(Rejection.MALFORMED, "hex must start with 0x");
    }
    if (hex.length() != 2 + 2 * length) {
      return Result.err(Rejection.BAD_LENGTH, "need " + length + " bytes of hex");
    }
    try {
      return Result.ok(HEX.parseHex(hex, 2, hex.length()));
    } catch (IllegalArgumentException e) {
      return Result.err(Rejection.MALFORMED, "not hex");
    }
  }

  /**
   * Parses hex with or without {@code 0x}.
   *
   * @throws IllegalArgumentException on odd length or non-hex characters
   */
  public static byte[] decode(String hex) {
    String h = hex.startsWith("0x") || hex.startsWith("0X") ? hex.substring(2) : hex;
    return HEX.parseHex(h);
  }
}
