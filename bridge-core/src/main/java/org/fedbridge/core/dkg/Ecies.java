package org.fedbridge.core.dkg;

import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.bouncycastle.crypto.digests.SHA256Digest;
import org.bouncycastle.crypto.generators.HKDFBytesGenerator;
import org.bouncycastle.crypto.params.HKDFParameters;
import org.fedbridge.core.types.Rejection;
import org.fedbridge.core.types.Result;

/**
 * ECIES on secp256k1 (SEC 1 §5.1 shape): ephemeral ECDH, HKDF-SHA256 (RFC 5869) over the shared
 * secret with both public keys as salt, AES-256-GCM (NIST SP 800-38D) with the caller's associated
 * data. Output: {@code ephemeralPub(33) ‖ ciphertext ‖ tag(16)}. Each ephemeral key is used for one
 * message per recipient, so every derived key is single-use and the all-zero GCM nonce is safe.
 *
 * <p>SECURITY: the ECDH runs in libsecp256k1 ({@link IdentityKey#agree}), constant-time in the
 * secret scalar, on both the ephemeral key (sender) and the long-term identity key (recipient).
 */
public final class Ecies {
  /** Bytes a sealed 32-byte plaintext takes: ephemeral key, ciphertext, tag. */
  public static final int SEALED_SHARE_LENGTH = 33 + 32 + 16;

  private static final byte[] INFO = "fedbridge-dkg-ecies-v2".getBytes();
  private static final byte[] NONCE = new byte[12];

  private Ecies() {}

  public static byte[] encrypt(
      IdentityPublicKey recipient, byte[] plaintext, byte[] aad, SecureRandom rnd) {
    try (IdentityKey eph = IdentityKey.random(rnd)) {
      return encrypt(List.of(recipient), List.of(plaintext), List.of(aad), eph).get(0);
    }
  }

  /**
   * Encrypts one message to each of several distinct recipients under one ephemeral key (a dealer's
   * shares): each recipient still gets its own key from HKDF over its own shared secret and public
   * key. The caller owns (and closes) {@code ephemeral} and must never use it for other plaintexts
   * to the same recipients.
   */
  static List<byte[]> encrypt(
      List<IdentityPublicKey> recipients,
      List<byte[]> plaintexts,
      List<byte[]> aads,
      IdentityKey ephemeral) {
    if (recipients.size() != plaintexts.size() || recipients.size() != aads.size()) {
      throw new IllegalArgumentException("one plaintext and one aad per recipient");
    }
    if (new HashSet<>(recipients).size() != recipients.size()) {
      // SECURITY: a repeated recipient would reuse a (key, nonce) pair in GCM.
      throw new IllegalArgumentException("recipients must be distinct");
    }
    byte[] ephPub = ephemeral.publicKey().compressed();
    List<byte[]> out = new ArrayList<>(recipients.size());
    for (int i = 0; i < recipients.size(); i++) {
      IdentityPublicKey r = recipients.get(i);
      byte[] shared = ephemeral.agree(r);
      byte[] key = derive(shared, ephPub, r.compressed());
      try {
        byte[] ct = gcm(Cipher.ENCRYPT_MODE, key, aads.get(i), plaintexts.get(i));
        byte[] box = new byte[33 + ct.length];
        System.arraycopy(ephPub, 0, box, 0, 33);
        System.arraycopy(ct, 0, box, 33, ct.length);
        out.add(box);
      } catch (GeneralSecurityException e) {
        throw new IllegalStateException("AES-GCM unavailable", e);
      } finally {
        Arrays.fill(key, (byte) 0);
        Arrays.fill(shared, (byte) 0);
      }
    }
    return out;
  }

  /** Decrypts, or {@link Rejection#MALFORMED} when the bytes or the tag do not check out. */
  public static Result<byte[]> decrypt(IdentityKey me, byte[] box, byte[] aad) {
    if (box == null || box.length < 33 + 16) {
      return Result.err(Rejection.MALFORMED, "ciphertext too short");
    }
    byte[] ephPub = Arrays.copyOfRange(box, 0, 33);
    Result<IdentityPublicKey> eph = IdentityPublicKey.decode(ephPub);
    if (!eph.isOk()) {
      return Result.err(Rejection.MALFORMED, "bad ephemeral key");
    }
    byte[] shared = me.agree(eph.orThrow());
    byte[] key = derive(shared, ephPub, me.publicKey().compressed());
    try {
      return Result.ok(gcm(Cipher.DECRYPT_MODE, key, aad, Arrays.copyOfRange(box, 33, box.length)));
    } catch (GeneralSecurityException e) {
      return Result.err(Rejection.MALFORMED, "authentication failed");
    } finally {
      Arrays.fill(key, (byte) 0);
      Arrays.fill(shared, (byte) 0);
    }
  }

  private static byte[] derive(byte[] shared, byte[] ephPub, byte[] recipientPub) {
    byte[] salt = new byte[66];
    System.arraycopy(ephPub, 0, salt, 0, 33);
    System.arraycopy(recipientPub, 0, salt, 33, 33);
    HKDFBytesGenerator hkdf = new HKDFBytesGenerator(new SHA256Digest());
    hkdf.init(new HKDFParameters(shared, salt, INFO));
    byte[] key = new byte[32];
    hkdf.generateBytes(key, 0, 32);
    return key;
  }

  private static byte[] gcm(int mode, byte[] key, byte[] aad, byte[] in)
      throws GeneralSecurityException {
    Cipher c = Cipher.getInstance("AES/GCM/NoPadding");
    c.init(mode, new SecretKeySpec(key, "AES"), new GCMParameterSpec(128, NONCE));
    c.updateAAD(aad);
    return c.doFinal(in);
  }
}
