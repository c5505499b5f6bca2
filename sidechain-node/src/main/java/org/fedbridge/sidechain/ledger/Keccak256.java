package org.fedbridge.sidechain.ledger;

import org.bouncycastle.crypto.digests.KeccakDigest;

/** Ethereum Keccak-256 over byte arrays, without the defensive copies of bridge-core's types. */
public final class Keccak256 {
  private Keccak256() {}

  public static byte[] hash(byte[]... parts) {
    KeccakDigest d = new KeccakDigest(256);
    for (byte[] p : parts) {
      d.update(p, 0, p.length);
    }
    byte[] out = new byte[32];
    d.doFinal(out, 0);
    return out;
  }

  public static byte[] hash(byte[] data, int offset, int length) {
    KeccakDigest d = new KeccakDigest(256);
    d.update(data, offset, length);
    byte[] out = new byte[32];
    d.doFinal(out, 0);
    return out;
  }
}
