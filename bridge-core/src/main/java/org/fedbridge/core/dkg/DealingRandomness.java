package org.fedbridge.core.dkg;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Arrays;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.fedbridge.core.bls.Fields;
import org.fedbridge.core.bls.SecretKey;
import org.fedbridge.core.types.Result;

/**
 * The randomness of one member's deal: polynomial coefficients and the ECIES ephemeral key, all
 * derived with HMAC-SHA256 from {@code PRK = HMAC(seed, "fedbridge.dkg.deal.v1" ‖ identity secret ‖
 * config hash)}. Hedged like RFC 6979: unpredictable to anyone without both the (random, recorded)
 * seed and the identity key, and reproducible by the member, so a restart deals the same bytes.
 * Coefficients are 512-bit outputs reduced mod r (bias below 2^-250).
 */
final class DealingRandomness implements AutoCloseable {
  private final byte[] prk;

  DealingRandomness(IdentityKey identity, byte[] seed, DkgConfig config) {
    byte[] secret = identity.toBytes();
    try {
      prk =
          hmac(
              seed,
              "fedbridge.dkg.deal.v1".getBytes(StandardCharsets.US_ASCII),
              secret,
              config.hash().bytes());
    } finally {
      Arrays.fill(secret, (byte) 0);
    }
  }

  /** Coefficient {@code a_k}, in {@code [1, r-1]}. */
  SecretKey coefficient(int k) {
    for (int ctr = 0; ; ctr++) {
      byte[] wide = new byte[64];
      byte[] lo = block("coefficient", k, ctr, 1);
      byte[] hi = block("coefficient", k, ctr, 2);
      System.arraycopy(lo, 0, wide, 0, 32);
      System.arraycopy(hi, 0, wide, 32, 32);
      BigInteger v = new BigInteger(1, wide).mod(Fields.R);
      Arrays.fill(wide, (byte) 0);
      Arrays.fill(lo, (byte) 0);
      Arrays.fill(hi, (byte) 0);
      Result<SecretKey> sk = SecretKey.fromScalar(v);
      if (sk.isOk()) {
        return sk.orThrow();
      }
    }
  }

  /** The ephemeral ECIES key of this deal. */
  IdentityKey ephemeral() {
    for (int ctr = 0; ; ctr++) {
      byte[] d = block("ephemeral", 0, ctr, 1);
      Result<IdentityKey> k = IdentityKey.fromBytes(d);
      Arrays.fill(d, (byte) 0);
      if (k.isOk()) {
        return k.orThrow();
      }
    }
  }

  private byte[] block(String label, int index, int ctr, int part) {
    byte[] info = new byte[9];
    put32(info, 0, index);
    put32(info, 4, ctr);
    info[8] = (byte) part;
    return hmac(prk, label.getBytes(StandardCharsets.US_ASCII), info);
  }

  private static byte[] hmac(byte[] key, byte[]... parts) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(key, "HmacSHA256"));
      for (byte[] p : parts) {
        mac.update(p);
      }
      return mac.doFinal();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 unavailable", e);
    }
  }

  private static void put32(byte[] out, int off, int v) {
    out[off] = (byte) (v >>> 24);
    out[off + 1] = (byte) (v >>> 16);
    out[off + 2] = (byte) (v >>> 8);
    out[off + 3] = (byte) v;
  }

  @Override
  public void close() {
    Arrays.fill(prk, (byte) 0);
  }
}
