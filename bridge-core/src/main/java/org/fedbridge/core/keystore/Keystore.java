package org.fedbridge.core.keystore;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.UUID;
import javax.crypto.Cipher;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.fedbridge.core.bls.SecretKey;
import org.fedbridge.core.dkg.IdentityKey;
import org.fedbridge.core.threshold.SecretShare;
import org.fedbridge.core.types.Rejection;
import org.fedbridge.core.types.Result;

/**
 * EIP-2335-style encrypted keystore (version 4 layout: kdf, checksum and cipher modules). The
 * secret is {@code shareSecret(32) ‖ identitySecret(32)}, or {@code identitySecret(32)} alone
 * before the member's first DKG ({@code pubkey} empty, share index 0); the public part ({@code
 * pubkey}: share public key, compressed G2) and a {@code fedbridge} section (epoch, share index,
 * operator id, identity public key) are in clear and checked against the decrypted secrets on load.
 *
 * <ul>
 *   <li>KDF: scrypt (RFC 7914) or PBKDF2-HMAC-SHA256 (RFC 8018), 32-byte key {@code DK}.
 *   <li>Checksum: {@code SHA-256(DK[16..32] ‖ ciphertext)} (EIP-2335 "Checksum"): a mismatch means
 *       a wrong password or a modified ciphertext/KDF section.
 *   <li>Cipher: AES-128-CTR with key {@code DK[0..16]} and a random 16-byte IV.
 *   <li>{@code fedbridge.checksum}: {@link #metaChecksum} over the clear metadata, so editing the
 *       share index, epoch or operator id is detected (an extension; EIP-2335 has no such field).
 * </ul>
 */
public final class Keystore {
  private static final ObjectMapper JSON =
      new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
  private static final HexFormat HEX = HexFormat.of();

  private Keystore() {}

  /** Encrypts {@code contents} under {@code password}; returns the JSON text. */
  public static String encrypt(
      KeystoreContents contents, Password password, Kdf kdf, SecureRandom rnd) {
    byte[] salt = new byte[32];
    byte[] iv = new byte[16];
    rnd.nextBytes(salt);
    rnd.nextBytes(iv);
    byte[] dk = kdf.derive(password.bytes(), salt);
    // Secret: shareSecret(32) ‖ identitySecret(32), or identitySecret(32) alone before a DKG.
    byte[] idBytes = contents.identity().toBytes();
    byte[] secret;
    if (contents.hasShare()) {
      byte[] shareBytes = contents.share().key().toBytes();
      secret = new byte[64];
      System.arraycopy(shareBytes, 0, secret, 0, 32);
      System.arraycopy(idBytes, 0, secret, 32, 32);
      Arrays.fill(shareBytes, (byte) 0);
    } else {
      secret = idBytes.clone();
    }
    Arrays.fill(idBytes, (byte) 0);
    try {
      byte[] ct = ctr(Cipher.ENCRYPT_MODE, dk, iv, secret);
      ObjectNode root = JSON.createObjectNode();
      ObjectNode crypto = root.putObject("crypto");
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
      root.put("description", "fedbridge member key share and identity key");
      root.put(
          "pubkey",
          contents.hasShare() ? HEX.formatHex(contents.share().publicKey().toCompressed()) : "");
      root.put("path", "");
      root.put("uuid", new UUID(rnd.nextLong(), rnd.nextLong()).toString());
      root.put("version", 4);
      ObjectNode fb = root.putObject("fedbridge");
      fb.put("epoch", contents.epoch());
      fb.put("shareIndex", contents.hasShare() ? contents.share().index() : 0);
      fb.put("operatorId", contents.operatorId());
      fb.put("identityPublicKey", HEX.formatHex(contents.identity().publicKey().compressed()));
      fb.put(
          "checksum",
          HEX.formatHex(
              metaChecksum(
                  Arrays.copyOfRange(dk, 16, 32),
                  contents.epoch(),
                  contents.hasShare() ? contents.share().index() : 0,
                  contents.operatorId(),
                  root.path("pubkey").asText(),
                  fb.path("identityPublicKey").asText())));
      return JSON.writeValueAsString(root);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    } finally {
      Arrays.fill(dk, (byte) 0);
      Arrays.fill(secret, (byte) 0);
    }
  }

  /**
   * Decrypts a keystore.
   *
   * @return the contents, or {@link Rejection#WRONG_PASSWORD} (checksum mismatch: wrong password,
   *     or ciphertext/KDF modified), or {@link Rejection#MALFORMED} (not a keystore, unsupported
   *     parameters, or public fields that do not match the secrets: a tampered file)
   */
  public static Result<KeystoreContents> decrypt(String json, Password password) {
    JsonNode root;
    try {
      root = JSON.readTree(json);
    } catch (IOException e) {
      return Result.err(Rejection.MALFORMED, "keystore is not JSON: " + e.getMessage());
    }
    int length = root.path("pubkey").asText().isEmpty() ? 32 : 64;
    Result<Decrypted> plain = decryptSecret(root, password, length);
    if (!plain.isOk()) {
      return plain.map(x -> null);
    }
    byte[] secret = plain.orThrow().secret();
    byte[] macKey = plain.orThrow().macKey();
    try {
      JsonNode fb = root.path("fedbridge");
      int index = fb.path("shareIndex").asInt();
      Result<IdentityKey> id =
          IdentityKey.fromBytes(Arrays.copyOfRange(secret, length - 32, length));
      SecretShare share = null;
      if (length == 64) {
        Result<SecretKey> shareKey = SecretKey.fromBytes(Arrays.copyOfRange(secret, 0, 32));
        if (!shareKey.isOk() || index < 1) {
          return Result.err(Rejection.MALFORMED, "keystore share is invalid");
        }
        share = new SecretShare(index, shareKey.orThrow());
      } else if (index != 0) {
        return Result.err(Rejection.MALFORMED, "identity-only keystore with a share index");
      }
      if (!id.isOk()) {
        if (share != null) {
          share.close();
        }
        return Result.err(Rejection.MALFORMED, "keystore identity key is invalid");
      }
      KeystoreContents out =
          new KeystoreContents(
              fb.path("epoch").asLong(), fb.path("operatorId").asText(), share, id.orThrow());
      // SECURITY: public fields must match the secrets and the metadata checksum, or the file
      // was edited (EIP-2335's checksum covers only the ciphertext).
      String expectedMeta =
          HEX.formatHex(
              metaChecksum(
                  macKey,
                  out.epoch(),
                  index,
                  out.operatorId(),
                  root.path("pubkey").asText(),
                  fb.path("identityPublicKey").asText()));
      String sharePk = share == null ? "" : HEX.formatHex(share.publicKey().toCompressed());
      if (!MessageDigest.isEqual(
              expectedMeta.getBytes(StandardCharsets.US_ASCII),
              fb.path("checksum").asText().getBytes(StandardCharsets.US_ASCII))
          || !sharePk.equals(root.path("pubkey").asText())
          || !HEX.formatHex(id.orThrow().publicKey().compressed())
              .equals(fb.path("identityPublicKey").asText())) {
        out.close();
        return Result.err(
            Rejection.MALFORMED, "keystore was modified: public fields do not match the secrets");
      }
      return Result.ok(out);
    } catch (IllegalArgumentException e) {
      return Result.err(Rejection.MALFORMED, "keystore is malformed: " + e.getMessage());
    } finally {
      Arrays.fill(secret, (byte) 0);
      Arrays.fill(macKey, (byte) 0);
    }
  }

  /** Plaintext secret and {@code DK[16..32]}, which also keys the metadata checksum. */
  record Decrypted(byte[] secret, byte[] macKey) {}

  /**
   * {@code SHA-256(DK[16..32] ‖ "fedbridge-keystore-meta-v1" ‖ epoch ‖ index ‖ operatorId ‖ pubkey
   * ‖ identityPublicKey)}, fields length-prefixed: binds the clear metadata to the password.
   */
  static byte[] metaChecksum(
      byte[] macKey, long epoch, int index, String operatorId, String pubkey, String identity) {
    try {
      MessageDigest sha = MessageDigest.getInstance("SHA-256");
      sha.update(macKey);
      for (String f :
          new String[] {
            "fedbridge-keystore-meta-v1",
            Long.toString(epoch),
            Integer.toString(index),
            operatorId,
            pubkey,
            identity
          }) {
        byte[] b = f.getBytes(StandardCharsets.UTF_8);
        sha.update(
            new byte[] {
              (byte) (b.length >>> 24),
              (byte) (b.length >>> 16),
              (byte) (b.length >>> 8),
              (byte) b.length
            });
        sha.update(b);
      }
      return sha.digest();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  /**
   * The EIP-2335 decryption procedure on the {@code crypto} section: derive {@code DK}, check the
   * checksum, decrypt. Package-private so the EIP-2335 test vectors (32-byte secret) can run it.
   */
  static Result<Decrypted> decryptSecret(JsonNode root, Password password, int secretLength) {
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
      Kdf kdf;
      switch (kdfNode.path("function").asText()) {
        case "scrypt" ->
            kdf = new Kdf.Scrypt(kp.path("n").asInt(), kp.path("r").asInt(), kp.path("p").asInt());
        case "pbkdf2" -> {
          if (!"hmac-sha256".equals(kp.path("prf").asText())) {
            return Result.err(Rejection.MALFORMED, "pbkdf2 prf must be hmac-sha256");
          }
          kdf = new Kdf.Pbkdf2(kp.path("c").asInt());
        }
        default -> {
          return Result.err(Rejection.MALFORMED, "unsupported kdf " + kdfNode.path("function"));
        }
      }
      if (!"sha256".equals(crypto.path("checksum").path("function").asText())
          || !"aes-128-ctr".equals(crypto.path("cipher").path("function").asText())) {
        return Result.err(Rejection.MALFORMED, "unsupported checksum or cipher function");
      }
      byte[] salt = HEX.parseHex(kp.path("salt").asText());
      byte[] iv = HEX.parseHex(crypto.path("cipher").path("params").path("iv").asText());
      byte[] ct = HEX.parseHex(crypto.path("cipher").path("message").asText());
      byte[] sum = HEX.parseHex(crypto.path("checksum").path("message").asText());
      if (iv.length != 16 || ct.length != secretLength || sum.length != 32 || salt.length < 16) {
        return Result.err(Rejection.MALFORMED, "keystore field lengths are wrong");
      }
      dk = kdf.derive(password.bytes(), salt);
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

  /**
   * Writes the keystore atomically with owner-only permissions where the file system supports POSIX
   * permissions.
   */
  public static void write(
      Path file, KeystoreContents contents, Password password, Kdf kdf, SecureRandom rnd)
      throws IOException {
    String json = encrypt(contents, password, kdf, rnd);
    Path dir = file.toAbsolutePath().getParent();
    Path tmp = Files.createTempFile(dir, ".keystore", ".tmp");
    try {
      try {
        Files.setPosixFilePermissions(tmp, PosixFilePermissions.fromString("rw-------"));
      } catch (UnsupportedOperationException e) {
        // not a POSIX file system: rely on the directory's protection
      }
      Files.writeString(tmp, json, StandardCharsets.UTF_8);
      Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } finally {
      Files.deleteIfExists(tmp);
    }
  }

  /** Reads and decrypts a keystore file; I/O failures are {@link Rejection#MALFORMED}. */
  public static Result<KeystoreContents> read(Path file, Password password) {
    String json;
    try {
      json = Files.readString(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      return Result.err(Rejection.MALFORMED, "cannot read keystore " + file + ": " + e);
    }
    return decrypt(json, password);
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
