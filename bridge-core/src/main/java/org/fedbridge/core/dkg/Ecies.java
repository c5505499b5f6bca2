package org.fedbridge.core.dkg;

import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.bouncycastle.crypto.digests.SHA256Digest;
import org.bouncycastle.crypto.generators.HKDFBytesGenerator;
import org.bouncycastle.crypto.params.HKDFParameters;
import org.bouncycastle.math.ec.ECPoint;
import org.fedbridge.core.types.Rejection;
import org.fedbridge.core.types.Result;

/**
 * ECIES on secp256k1 (SEC 1 §5.1 shape): ephemeral ECDH, HKDF-SHA256 (RFC 5869) over the shared
 * x-coordinate and the ephemeral key, AES-256-GCM (NIST SP 800-38D) with the caller's associated
 * data. Output: {@code ephemeralPub(33) ‖ ciphertext ‖ tag(16)}. Each message has a fresh ephemeral
 * key, so the derived key is single-use and the all-zero GCM nonce is safe.
 */
public final class Ecies {
  private static final byte[] INFO = "fedbridge-dkg-ecies-v1".getBytes();
  private static final byte[] NONCE = new byte[12];

  private Ecies() {}

  public static byte[] encrypt(
      IdentityPublicKey recipient, byte[] plaintext, byte[] aad, SecureRandom rnd) {
    return encrypt(List.of(recipient), List.of(plaintext), List.of(aad), rnd).get(0);
  }

  /**
   * Encrypts one message to each of several distinct recipients under a single ephemeral key (a
   * dealer's shares): the ephemeral public key is computed once, and each recipient still gets its
   * own key from HKDF over its own shared secret and public key. Same output format as {@link
   * #encrypt(IdentityPublicKey, byte[], byte[], SecureRandom)}.
   */
  public static List<byte[]> encrypt(
      List<IdentityPublicKey> recipients,
      List<byte[]> plaintexts,
      List<byte[]> aads,
      SecureRandom rnd) {
    if (recipients.size() != plaintexts.size() || recipients.size() != aads.size()) {
      throw new IllegalArgumentException("one plaintext and one aad per recipient");
    }
    if (new java.util.HashSet<>(recipients).size() != recipients.size()) {
      // SECURITY: a repeated recipient would reuse a (key, nonce) pair in GCM.
      throw new IllegalArgumentException("recipients must be distinct");
    }
    IdentityKey eph = IdentityKey.random(rnd);
    byte[] ephPub = eph.publicKey().compressed();
    List<byte[]> out = new ArrayList<>(recipients.size());
    for (int i = 0; i < recipients.size(); i++) {
      IdentityPublicKey r = recipients.get(i);
      out.add(seal(r.point().multiply(eph.scalar()), ephPub, r, plaintexts.get(i), aads.get(i)));
    }
    eph.close();
    return out;
  }

  private static byte[] seal(
      ECPoint shared, byte[] ephPub, IdentityPublicKey recipient, byte[] plaintext, byte[] aad) {
    byte[] key = derive(shared, ephPub, recipient.compressed());
    try {
      byte[] ct = gcm(Cipher.ENCRYPT_MODE, key, aad, plaintext);
      byte[] out = new byte[33 + ct.length];
      System.arraycopy(ephPub, 0, out, 0, 33);
      System.arraycopy(ct, 0, out, 33, ct.length);
      return out;
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("AES-GCM unavailable", e);
    } finally {
      Arrays.fill(key, (byte) 0);
    }
  }

  /** Decrypts, or {@link Rejection#MALFORMED} when the bytes or the tag do not check out. */
  public static Result<byte[]> decrypt(IdentityKey me, byte[] box, byte[] aad) {
    if (box == null || box.length < 33 + 16) {
      return Result.err(Rejection.MALFORMED, "ciphertext too short");
    }
    byte[] ephPub = Arrays.copyOfRange(box, 0, 33);
    Result<ECPoint> eph = IdentityPublicKey.decode(ephPub);
    if (!eph.isOk()) {
      return Result.err(Rejection.MALFORMED, "bad ephemeral key");
    }
    byte[] key = derive(eph.orThrow().multiply(me.scalar()), ephPub, me.publicKey().compressed());
    try {
      return Result.ok(gcm(Cipher.DECRYPT_MODE, key, aad, Arrays.copyOfRange(box, 33, box.length)));
    } catch (GeneralSecurityException e) {
      return Result.err(Rejection.MALFORMED, "authentication failed");
    } finally {
      Arrays.fill(key, (byte) 0);
    }
  }

  private static byte[] derive(ECPoint shared, byte[] ephPub, byte[] recipientPub) {
    ECPoint s = shared.normalize();
    if (s.isInfinity()) {
      throw new IllegalStateException("ECDH gave infinity");
    }
    byte[] x = toBytes32(s.getAffineXCoord().toBigInteger());
    byte[] salt = new byte[66];
    System.arraycopy(ephPub, 0, salt, 0, 33);
    System.arraycopy(recipientPub, 0, salt, 33, 33);
    HKDFBytesGenerator hkdf = new HKDFBytesGenerator(new SHA256Digest());
    hkdf.init(new HKDFParameters(x, salt, INFO));
    byte[] key = new byte[32];
    hkdf.generateBytes(key, 0, 32);
    Arrays.fill(x, (byte) 0);
    return key;
  }

  private static byte[] gcm(int mode, byte[] key, byte[] aad, byte[] in)
      throws GeneralSecurityException {
    Cipher c = Cipher.getInstance("AES/GCM/NoPadding");
    c.init(mode, new SecretKeySpec(key, "AES"), new GCMParameterSpec(128, NONCE));
    c.updateAAD(aad);
    return c.doFinal(in);
  }

  private static byte[] toBytes32(BigInteger v) {
    byte[] out = new byte[32];
    IdentityKey.put32(v, out, 0);
    return out;
  }
}
