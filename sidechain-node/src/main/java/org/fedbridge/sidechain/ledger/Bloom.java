package org.fedbridge.sidechain.ledger;

import org.fedbridge.core.types.Bytes32;
import org.fedbridge.core.types.Keccak;

/** Ethereum's 2048-bit logs bloom (Yellow Paper §4.3.1): three bits per address and topic. */
final class Bloom {
  private Bloom() {}

  static void add(byte[] bloom, byte[] value) {
    byte[] h = Keccak.hashBytes(value);
    for (int i = 0; i < 6; i += 2) {
      int bit = (((h[i] & 0xff) << 8) | (h[i + 1] & 0xff)) & 2047;
      bloom[255 - bit / 8] |= (byte) (1 << (bit % 8));
    }
  }

  static void add(byte[] bloom, LogEntry log) {
    add(bloom, log.address().bytes());
    for (Bytes32 t : log.topics()) {
      add(bloom, t.bytes());
    }
  }

  static void or(byte[] into, byte[] other) {
    for (int i = 0; i < 256; i++) {
      into[i] |= other[i];
    }
  }
}
