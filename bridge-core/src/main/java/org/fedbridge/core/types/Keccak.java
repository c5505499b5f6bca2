package org.fedbridge.core.types;

import org.bouncycastle.crypto.digests.KeccakDigest;

/** Ethereum's Keccak-256 (the pre-NIST padding, not SHA3-256). */
public final class Keccak {
  private Keccak() {}

  public static Bytes32 hash(byte[]... parts) {
    return new Bytes32(hashBytes(parts));
  }

  /**
   * The same hash as a fresh 32-byte array, without {@link Bytes32}'s defensive copies: for hot
   * paths (state trees, transaction hashes) that hash many small inputs.
   */
  public static byte[] hashBytes(byte[]... parts) {
    KeccakDigest d = new KeccakDigest(256);
    for (byte[] p : parts) {
      d.update(p, 0, p.length);
    }
    byte[] out = new byte[32];
    d.doFinal(out, 0);
    return out;
  }

  /** The hash of {@code data[offset, offset + length)} as a fresh 32-byte array. */
  public static byte[] hashBytes(byte[] data, int offset, int length) {
    KeccakDigest d = new KeccakDigest(256);
    d.update(data, offset, length);
    byte[] out = new byte[32];
    d.doFinal(out, 0);
    return out;
  }
}
