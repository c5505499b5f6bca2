package org.fedbridge.core.types;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** Ethereum's Keccak-256 (not SHA3-256), in its three shapes. */
class KeccakTest {
  private static final String EMPTY =
      "0xc5d2460186f7233c927e7db2dcc703c0e500b653ca82273b7bfad8045d85a470";
  // keccak256("Transfer(address,address,uint256)"): the ERC-20 event topic every client knows.
  private static final String TRANSFER =
      "0xddf252ad1be2c89b69c2b068fc378daa952ba7f163c4a11628f55a4df523b3ef";

  @Test
  void knownDigests() {
    assertThat(Keccak.hash().toHex()).isEqualTo(EMPTY);
    byte[] sig = "Transfer(address,address,uint256)".getBytes(StandardCharsets.US_ASCII);
    assertThat(Keccak.hash(sig).toHex()).isEqualTo(TRANSFER);
    assertThat(Hex.encode(Keccak.hashBytes(sig))).isEqualTo(TRANSFER);
  }

  @Test
  void partsAndRangesHashTheirConcatenation() {
    byte[] all = "Transfer(address,address,uint256)".getBytes(StandardCharsets.US_ASCII);
    byte[] a = java.util.Arrays.copyOfRange(all, 0, 9);
    byte[] b = java.util.Arrays.copyOfRange(all, 9, all.length);
    assertThat(Hex.encode(Keccak.hashBytes(a, b))).isEqualTo(TRANSFER);
    byte[] framed = new byte[all.length + 3];
    System.arraycopy(all, 0, framed, 2, all.length);
    assertThat(Hex.encode(Keccak.hashBytes(framed, 2, all.length))).isEqualTo(TRANSFER);
  }
}
