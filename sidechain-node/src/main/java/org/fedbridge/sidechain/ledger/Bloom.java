package org.fedbridge.sidechain.ledger;

/** Ethereum's 2048-bit logs bloom (Yellow Paper §4.3.1): three bits per address and topic. */
public final class Bloom {
  private Bloom() {}

  public static void add(byte[] bloom, byte[] value) {
    byte[] h = Keccak256.hash(value);
    for (int i = 0; i < 6; i += 2) {
      int bit = (((h[i] & 0xff) << 8) | (h[i + 1] & 0xff)) & 2047;
      bloom[255 - bit / 8] |= (byte) (1 << (bit % 8));
    }
  }

  public static void add(byte[] bloom, LogEntry log) {
    add(bloom, log.address().bytes());
    for (byte[] t : log.topics()) {
      add(bloom, t);
    }
  }

  public static void or(byte[] into, byte[] other) {
    for (int i = 0; i < 256; i++) {
      into[i] |= other[i];
    }
  }
}
