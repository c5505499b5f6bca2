package org.fedbridge.core.keystore;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.HexFormat;
import javax.crypto.Cipher;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.fedbridge.core.types.Rejection;
import org.fedbridge.core.types.Result;

/**
 * The {@code crypto} section of an EIP-2335 keystore (version 4), exactly as the EIP defines it:
 * KDF (scrypt or PBKDF2-HMAC-SHA256) to a 32-byte {@code DK}, checksum {@code SHA-256(DK[16..32] ‖
 * ciphertext)}, cipher AES-128-CTR with key {@code DK[0..16]}. Any EIP-2335 tool can decrypt it.
 */
final class Eip2335 {
  private static final HexFormat HEX = HexFormat.of();

  private Eip2335() {}

  /** The plaintext secret and {@code DK[16..32]}, which also keys the metadata HMAC. */
  record Decrypted(byte[] secret, byte[] macKey) implements AutoCloseable {
    @Override
    public void close() {
      Arrays.fill(secret, (byte) 0);
      Arrays.fill(macKey, (byte) 0);
    }
  }

  /** Encrypts {@code secret}; returns the crypto section and fills {@code macKeyOut} (16 bytes). */
  static ObjectNode encrypt(
      byte[] secret, Password password, Kdf kdf, SecureRandom rnd, byte[] macKeyOut) {
    byte[] salt = new byte[32];
    byte[] iv = new byte[16];
    rnd.nextBytes(salt);
    rnd.nextBytes(iv);
    byte[] dk = kdf.derive(password.bytes(), salt);
    try {
      byte[] ct = ctr(Cipher.ENCRYPT_MODE, dk, iv, secret);
      ObjectNode crypto = JsonNodeFactory.instance.objectNode();
      ObjectNode k = crypto.putObject("kdf");
      k.put("function", kdf.function());
      ObjectNode kp = k.putObject("params");
      kp.put("dklen", 32);
      if (kdf instanceof Kdf.Scrypt s) {
        kp.put("n", s.n());
        kp.put("r", s.r());
        kp.put("p", s.p());
      } else if (kdf instanceof Kdf.Pbkdf2 p) {
        kp.put("c", p.c());
        kp.put("prf", "hmac-sha256");
      }
      kp.put("salt", HEX.formatHex(salt));
      k.put("message", "");
      ObjectNode cs = crypto.putObject("checksum");
      cs.put("function", "sha256");
      cs.putObject("params");
      cs.put("message", HEX.formatHex(checksum(dk, ct)));
      ObjectNode c = crypto.putObject("cipher");
      c.put("function", "aes-128-ctr");
      c.putObject("params").put("iv", HEX.formatHex(iv));
      c.put("message", HEX.formatHex(ct));
      System.arraycopy(dk, 16, macKeyOut, 0, 16);
      return crypto;
    } finally {
      Arrays.fill(dk, (byte) 0);
    }
  }

  /**
   * The EIP-2335 decryption procedure on {@code root.crypto}.
   *
   * @return the secret, or {@link Rejection#WRONG_PASSWORD} (checksum mismatch) or {@link
   *     Rejection#MALFORMED} (not version 4, unsupported or out-of-bounds parameters, bad lengths)
   */
  static Result<Decrypted> decrypt(JsonNode root, Password password, int secretLength) {
    byte[] dk = null;
    try {
      if (root.path("version").asInt() != 4) {
        return Result.err(Rejection.MALFORMED, "keystore version must be 4");
      }
      JsonNode crypto = root.path("crypto");
      JsonNode kdfNode = crypto.path("kdf");
      JsonNode kp = kdfNode.path("params");
      if (kp.path("dklen").asInt() != 32) {
        return Result.err(Rejection.MALFORMED, "kdf dklen must be 32");
      }
      Result<Kdf> kdf =
          switch (kdfNode.path("function").asText()) {
            case "scrypt" ->
                Kdf.scrypt(integer(kp.path("n")), integer(kp.path("r")), integer(kp.path("p")));
            case "pbkdf2" ->
                "hmac-sha256".equals(kp.path("prf").asText())
                    ? Kdf.pbkdf2(integer(kp.path("c")))
                    : Result.err(Rejection.MALFORMED, "pbkdf2 prf must be hmac-sha256");
            default ->
                Result.err(Rejection.MALFORMED, "unsupported kdf " + kdfNode.path("function"));
          };
      if (!kdf.isOk()) {
        return kdf.map(x -> null);
      }
      if (!"sha256".equals(crypto.path("checksum").path("function").asText())
          || !"aes-128-ctr".equals(crypto.path("cipher").path("function").asText())) {
        return Result.err(Rejection.MALFORMED, "unsupported checksum or cipher function");
      }
      byte[] salt = HEX.parseHex(kp.path("salt").asText());
      byte[] iv = HEX.parseHex(crypto.path("cipher").path("params").path("iv").asText());
      byte[] ct = HEX.parseHex(crypto.path("cipher").path("message").asText());
      byte[] sum = HEX.parseHex(crypto.path("checksum").path("message").asText());
      if (iv.length != 16
          || ct.length != secretLength
          || sum.length != 32
          || salt.length < 16
          || salt.length > 64) {
        return Result.err(Rejection.MALFORMED, "keystore field lengths are wrong");
      }
      dk = kdf.orThrow().derive(password.bytes(), salt);
      // SECURITY: constant-time checksum comparison before anything is decrypted.
      if (!MessageDigest.isEqual(checksum(dk, ct), sum)) {
        return Result.err(
            Rejection.WRONG_PASSWORD,
            "checksum mismatch: wrong password, or the ciphertext or KDF section was modified");
      }
      return Result.ok(
          new Decrypted(ctr(Cipher.DECRYPT_MODE, dk, iv, ct), Arrays.copyOfRange(dk, 16, 32)));
    } catch (IllegalArgumentException e) {
      return Result.err(Rejection.MALFORMED, "keystore is malformed: " + e.getMessage());
    } finally {
      if (dk != null) {
        Arrays.fill(dk, (byte) 0);
      }
    }
  }

  /** A JSON integer, or -1 (refused by every bound) for anything else. */
  private static long integer(JsonNode node) {
    return node.isIntegralNumber() && node.canConvertToLong() ? node.asLong() : -1;
  }

  private static byte[] checksum(byte[] dk, byte[] ct) {
    try {
      MessageDigest sha = MessageDigest.getInstance("SHA-256");
      sha.update(dk, 16, 16);
      sha.update(ct);
      return sha.digest();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  private static byte[] ctr(int mode, byte[] dk, byte[] iv, byte[] in) {
    try {
      Cipher c = Cipher.getInstance("AES/CTR/NoPadding");
      c.init(mode, new SecretKeySpec(dk, 0, 16, "AES"), new IvParameterSpec(iv));
      return c.doFinal(in);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }
}
