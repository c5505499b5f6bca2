package org.fedbridge.core.types;

import org.bouncycastle.crypto.digests.KeccakDigest;

/** Ethereum's Keccak-256 (the pre-NIST padding, not SHA3-256). */
public final class Keccak {
  private Keccak() {}

  public static Bytes32 hash(byte[]... parts) {
    KeccakDigest d = new KeccakDigest(256);
    for (byte[] p : parts) {
      d.update(p, 0, p.length);
    }
    byte[] out = new byte[32];
    d.doFinal(out, 0);
    return new Bytes32(out);
  }
}
