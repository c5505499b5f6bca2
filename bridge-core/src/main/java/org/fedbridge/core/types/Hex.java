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
   * Parses hex with or without {@code 0x}.
   *
   * @throws IllegalArgumentException on odd length or non-hex characters
   */
  public static byte[] decode(String hex) {
    String h = hex.startsWith("0x") || hex.startsWith("0X") ? hex.substring(2) : hex;
    return HEX.parseHex(h);
  }
}
