package org.fedbridge.sidechain.tx;

import fr.acinq.secp256k1.Secp256k1;
import java.math.BigInteger;
import org.fedbridge.core.types.Address;
import org.fedbridge.core.types.Keccak;

/**
 * Recovers a transaction's sender with Bitcoin Core's libsecp256k1 through ACINQ's JNI binding (~45
 * µs against ~160 µs for web3j's pure Java on these machines).
 */
public final class SenderRecovery {
  /** The secp256k1 group order. */
  public static final BigInteger N =
      new BigInteger("fffffffffffffffffffffffffffffffebaaedce6af48a03bbfd25e8cd0364141", 16);

  private static final BigInteger HALF_N = N.shiftRight(1);

  private SenderRecovery() {}

  /** Whether {@code r, s} are in range and {@code s} is in the lower half (EIP-2). */
  public static boolean validValues(BigInteger r, BigInteger s) {
    return r.signum() > 0 && r.compareTo(N) < 0 && s.signum() > 0 && s.compareTo(HALF_N) <= 0;
  }

  /** The signer's address, or {@code null} when no key recovers. */
  public static Address recover(byte[] hash32, BigInteger r, BigInteger s, int recId) {
    byte[] sig = new byte[64];
    put32(r, sig, 0);
    put32(s, sig, 32);
    try {
      byte[] pub = Secp256k1.Companion.get().ecdsaRecover(sig, hash32, recId);
      if (pub == null || pub.length != 65) {
        return null;
      }
      byte[] h = Keccak.hashBytes(pub, 1, 64);
      byte[] a = new byte[20];
      System.arraycopy(h, 12, a, 0, 20);
      return new Address(a);
    } catch (RuntimeException e) {
      return null; // Secp256k1Exception: no point recovers from this signature
    }
  }

  /** The address of a 65-byte uncompressed public key. */
  public static Address addressOf(byte[] uncompressedPub) {
    byte[] h = Keccak.hashBytes(uncompressedPub, 1, 64);
    byte[] a = new byte[20];
    System.arraycopy(h, 12, a, 0, 20);
    return new Address(a);
  }

  static void put32(BigInteger v, byte[] out, int offset) {
    byte[] raw = v.toByteArray();
    int len = Math.min(raw.length, 32);
    System.arraycopy(raw, raw.length - len, out, offset + 32 - len, len);
  }
}
