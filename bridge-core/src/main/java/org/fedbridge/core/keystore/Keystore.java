package org.fedbridge.core.keystore;

import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.UUID;
import org.fedbridge.core.bls.SecretKey;
import org.fedbridge.core.dkg.IdentityKey;
import org.fedbridge.core.threshold.SecretShare;
import org.fedbridge.core.types.Rejection;
import org.fedbridge.core.types.Result;

/**
 * Member keys in standard EIP-2335 keystore files (version 4), one secret per file (issue 9 item
 * 17): the identity key in its own file, and one file per epoch share. Any EIP-2335 tool can
 * decrypt them (the {@code crypto} section is exactly the EIP's, see {@link Eip2335}); {@code uuid}
 * is a random RFC 4122 version-4 UUID and {@code pubkey} the real public key of the secret.
 *
 * <p>Where the files depart from EIP-2335 (docs/security.md, "Keystores"): an identity file's
 * secret is a secp256k1 scalar and its {@code pubkey} the 33-byte compressed secp256k1 key; a share
 * file's {@code pubkey} is the 96-byte compressed G2 share key (fedbridge signs in G1, so its keys
 * are in G2, where Ethereum validators have 48-byte G1 keys); both carry an extra {@code fedbridge}
 * object (kind, operator id and, for shares, epoch, share index, threshold, session id, group key,
 * owner identity key) protected by {@code checksum = HMAC-SHA256(DK[16..32], every public field)}:
 * editing any public field, or pairing the secret with another public key, fails the load.
 */
public final class Keystore {
  /** Largest keystore file read (they are ~1.5 KB). */
  public static final int MAX_FILE_BYTES = 64 * 1024;

  private static final ObjectMapper JSON = mapper();
  private static final HexFormat HEX = HexFormat.of();

  private Keystore() {}

  /** Encrypts an identity key; returns the JSON text. */
  public static String encryptIdentity(
      IdentityKeystore contents, Password password, Kdf kdf, SecureRandom rnd) {
    byte[] secret = contents.identity().toBytes();
    try {
      Meta meta = Meta.identity(contents.operatorId());
      return encrypt(
          secret,
          HEX.formatHex(contents.identity().publicKey().compressed()),
          "fedbridge member identity key (secp256k1)",
          meta,
          password,
          kdf,
          rnd);
    } finally {
      Arrays.fill(secret, (byte) 0);
    }
  }

  /** Encrypts an epoch share; returns the JSON text. */
  public static String encryptShare(
      ShareKeystore contents, Password password, Kdf kdf, SecureRandom rnd) {
    byte[] secret = contents.share().key().toBytes();
    try {
      return encrypt(
          secret,
          HEX.formatHex(contents.share().publicKey().toCompressed()),
          "fedbridge key share, epoch " + contents.epoch(),
          Meta.share(contents),
          password,
          kdf,
          rnd);
    } finally {
      Arrays.fill(secret, (byte) 0);
    }
  }

  private static String encrypt(
      byte[] secret,
      String pubkey,
      String description,
      Meta meta,
      Password password,
      Kdf kdf,
      SecureRandom rnd) {
    byte[] macKey = new byte[16];
    try {
      ObjectNode root = JSON.createObjectNode();
      root.set("crypto", Eip2335.encrypt(secret, password, kdf, rnd, macKey));
      root.put("description", description);
      root.put("pubkey", pubkey);
      root.put("path", "");
      root.put("uuid", uuidV4(rnd).toString());
      root.put("version", 4);
      ObjectNode fb = meta.write(root.putObject("fedbridge"));
      fb.put("checksum", HEX.formatHex(meta.hmac(macKey, pubkey)));
      return JSON.writeValueAsString(root);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    } finally {
      Arrays.fill(macKey, (byte) 0);
    }
  }

  /**
   * Decrypts an identity keystore.
   *
   * @return the contents, or {@link Rejection#WRONG_PASSWORD}, or {@link Rejection#MALFORMED} (not
   *     an identity keystore, out-of-bounds KDF parameters, or public fields that do not match the
   *     secret or the checksum: a modified file)
   */
  public static Result<IdentityKeystore> decryptIdentity(String json, Password password) {
    Result<Opened> opened = open(json, password, "identity");
    if (!opened.isOk()) {
      return opened.map(o -> null);
    }
    try (Eip2335.Decrypted d = opened.orThrow().decrypted()) {
      Result<IdentityKey> key = IdentityKey.fromBytes(d.secret());
      if (!key.isOk()) {
        return Result.err(Rejection.MALFORMED, "keystore identity key is invalid");
      }
      IdentityKey k = key.orThrow();
      if (!HEX.formatHex(k.publicKey().compressed()).equals(opened.orThrow().pubkey())) {
        k.close();
        return Result.err(Rejection.MALFORMED, "keystore was modified: pubkey is not the key's");
      }
      return Result.ok(new IdentityKeystore(opened.orThrow().meta().operatorId(), k));
    }
  }

  /**
   * Decrypts a share keystore.
   *
   * @return the contents, or {@link Rejection#WRONG_PASSWORD}, or {@link Rejection#MALFORMED}
   */
  public static Result<ShareKeystore> decryptShare(String json, Password password) {
    Result<Opened> opened = open(json, password, "share");
    if (!opened.isOk()) {
      return opened.map(o -> null);
    }
    Meta m = opened.orThrow().meta();
    try (Eip2335.Decrypted d = opened.orThrow().decrypted()) {
      Result<SecretKey> key = SecretKey.fromBytes(d.secret());
      if (!key.isOk()) {
        return Result.err(Rejection.MALFORMED, "keystore share is invalid");
      }
      SecretShare share = new SecretShare(m.shareIndex(), key.orThrow());
      if (!HEX.formatHex(share.publicKey().toCompressed()).equals(opened.orThrow().pubkey())) {
        share.close();
        return Result.err(Rejection.MALFORMED, "keystore was modified: pubkey is not the share's");
      }
      return Result.ok(
          new ShareKeystore(
              m.epoch(),
              m.operatorId(),
              m.sessionId(),
              m.groupKey(),
              m.threshold(),
              m.owner(),
              share));
    }
  }

  private record Opened(Meta meta, String pubkey, Eip2335.Decrypted decrypted) {}

  private static Result<Opened> open(String json, Password password, String kind) {
    JsonNode root;
    try {
      root = JSON.readTree(json);
    } catch (IOException e) {
      return Result.err(Rejection.MALFORMED, "keystore is not JSON");
    }
    if (root == null || !root.isObject()) {
      return Result.err(Rejection.MALFORMED, "keystore is not a JSON object");
    }
    Result<Meta> meta = Meta.read(root.path("fedbridge"));
    if (!meta.isOk()) {
      return meta.map(m -> null);
    }
    if (!meta.orThrow().kind().equals(kind)) {
      return Result.err(
          Rejection.MALFORMED, "a " + meta.orThrow().kind() + " keystore, not a " + kind + " one");
    }
    String pubkey = root.path("pubkey").asText();
    Result<Eip2335.Decrypted> d = Eip2335.decrypt(root, password, 32);
    if (!d.isOk()) {
      return d.map(x -> null);
    }
    Eip2335.Decrypted decrypted = d.orThrow();
    // SECURITY: the public fields must carry the HMAC made under this password, or the file was
    // edited (EIP-2335's own checksum covers only the ciphertext).
    if (!java.security.MessageDigest.isEqual(
        meta.orThrow().hmac(decrypted.macKey(), pubkey),
        hex(root.path("fedbridge").path("checksum").asText()))) {
      decrypted.close();
      return Result.err(
          Rejection.MALFORMED, "keystore was modified: its metadata checksum does not match");
    }
    return Result.ok(new Opened(meta.orThrow(), pubkey, decrypted));
  }

  /** Writes an identity keystore; never replaces an existing file. */
  public static void writeIdentity(
      Path file, IdentityKeystore contents, Password password, Kdf kdf, SecureRandom rnd)
      throws IOException {
    writeNew(file, encryptIdentity(contents, password, kdf, rnd));
  }

  /** Writes a share keystore; never replaces an existing file. */
  public static void writeShare(
      Path file, ShareKeystore contents, Password password, Kdf kdf, SecureRandom rnd)
      throws IOException {
    writeNew(file, encryptShare(contents, password, kdf, rnd));
  }

  public static Result<IdentityKeystore> readIdentity(Path file, Password password) {
    Result<String> json = readBounded(file);
    return json.isOk() ? decryptIdentity(json.orThrow(), password) : json.map(j -> null);
  }

  public static Result<ShareKeystore> readShare(Path file, Password password) {
    Result<String> json = readBounded(file);
    return json.isOk() ? decryptShare(json.orThrow(), password) : json.map(j -> null);
  }

  /**
   * Writes {@code json} to {@code file} with owner-only permissions, atomically, and fails with
   * {@link java.nio.file.FileAlreadyExistsException} rather than replace a key: the new file is
   * complete before it appears under its name (a hard link from a temporary file).
   */
  static void writeNew(Path file, String json) throws IOException {
    Path dir = file.toAbsolutePath().getParent();
    Path tmp = Files.createTempFile(dir, ".keystore", ".tmp");
    try {
      try {
        Files.setPosixFilePermissions(
            tmp, java.nio.file.attribute.PosixFilePermissions.fromString("rw-------"));
      } catch (UnsupportedOperationException e) {
        // not a POSIX file system: rely on the directory's protection
      }
      Files.writeString(tmp, json, StandardCharsets.UTF_8);
      try (var channel =
          java.nio.channels.FileChannel.open(tmp, java.nio.file.StandardOpenOption.WRITE)) {
        channel.force(true);
      }
      Files.createLink(file, tmp);
    } finally {
      Files.deleteIfExists(tmp);
    }
  }

  private static Result<String> readBounded(Path file) {
    try {
      if (Files.size(file) > MAX_FILE_BYTES) {
        return Result.err(Rejection.MALFORMED, "keystore " + file + " is larger than 64 KiB");
      }
      return Result.ok(Files.readString(file, StandardCharsets.UTF_8));
    } catch (IOException e) {
      return Result.err(Rejection.MALFORMED, "cannot read keystore " + file + ": " + e);
    }
  }

  /** Whether {@code json} is an identity or a share keystore, without decrypting it. */
  public static Result<String> kind(String json) {
    try {
      JsonNode root = JSON.readTree(json);
      return Meta.read(root.path("fedbridge")).map(Meta::kind);
    } catch (IOException e) {
      return Result.err(Rejection.MALFORMED, "keystore is not JSON");
    }
  }

  static UUID uuidV4(SecureRandom rnd) {
    byte[] b = new byte[16];
    rnd.nextBytes(b);
    b[6] = (byte) ((b[6] & 0x0f) | 0x40); // version 4
    b[8] = (byte) ((b[8] & 0x3f) | 0x80); // IETF variant
    long hi = 0;
    long lo = 0;
    for (int i = 0; i < 8; i++) {
      hi = (hi << 8) | (b[i] & 0xff);
      lo = (lo << 8) | (b[i + 8] & 0xff);
    }
    return new UUID(hi, lo);
  }

  private static byte[] hex(String s) {
    try {
      return HEX.parseHex(s);
    } catch (IllegalArgumentException e) {
      return new byte[0];
    }
  }

  private static ObjectMapper mapper() {
    ObjectMapper m = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    m.getFactory()
        .setStreamReadConstraints(
            StreamReadConstraints.builder().maxNestingDepth(16).maxStringLength(8192).build());
    return m;
  }
}
