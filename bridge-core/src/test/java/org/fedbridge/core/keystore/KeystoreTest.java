package org.fedbridge.core.keystore;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Map;
import org.fedbridge.core.bls.SecretKey;
import org.fedbridge.core.dkg.IdentityKey;
import org.fedbridge.core.threshold.SecretShare;
import org.fedbridge.core.types.Hex;
import org.fedbridge.core.types.Keccak;
import org.fedbridge.core.types.Rejection;
import org.fedbridge.core.types.Result;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KeystoreTest {
  static final SecureRandom RND = new SecureRandom();
  static final ObjectMapper JSON = new ObjectMapper();
  static final Kdf FAST = new Kdf.Scrypt(1 << 12, 8, 1);

  static IdentityKeystore identity() {
    return new IdentityKeystore("acme-validators", IdentityKey.random(RND));
  }

  static ShareKeystore share() {
    try (SecretKey group = SecretKey.random(RND)) {
      return new ShareKeystore(
          7,
          "acme-validators",
          Keccak.hash("session".getBytes()),
          group.publicKey(),
          3,
          IdentityKey.random(RND).publicKey(),
          new SecretShare(3, SecretKey.random(RND)));
    }
  }

  @Test
  void identityAndShareGoToTheirOwnFilesAndReadBack(@TempDir Path dir) throws Exception {
    try (IdentityKeystore id = identity();
        ShareKeystore s = share();
        Password pw = Password.of("correct horse battery staple")) {
      Path idFile = dir.resolve("identity.json");
      Path shareFile = dir.resolve("share-epoch-7.json");
      Keystore.writeIdentity(idFile, id, pw, FAST, RND);
      Keystore.writeShare(shareFile, s, pw, FAST, RND);
      for (Path f : new Path[] {idFile, shareFile}) {
        assertThat(Files.getPosixFilePermissions(f))
            .isEqualTo(PosixFilePermissions.fromString("rw-------"));
      }
      try (IdentityKeystore back = Keystore.readIdentity(idFile, pw).orThrow()) {
        assertThat(back.identity().publicKey()).isEqualTo(id.identity().publicKey());
        assertThat(back.operatorId()).isEqualTo("acme-validators");
      }
      try (ShareKeystore back = Keystore.readShare(shareFile, pw).orThrow()) {
        assertThat(back.share().index()).isEqualTo(3);
        assertThat(back.share().publicKey()).isEqualTo(s.share().publicKey());
        assertThat(back.epoch()).isEqualTo(7);
        assertThat(back.threshold()).isEqualTo(3);
        assertThat(back.sessionId()).isEqualTo(s.sessionId());
        assertThat(back.groupKey()).isEqualTo(s.groupKey());
        assertThat(back.owner()).isEqualTo(s.owner());
      }
      // An identity file is not a share file and the other way round.
      assertThat(Keystore.readShare(idFile, pw).rejection()).isEqualTo(Rejection.MALFORMED);
      assertThat(Keystore.readIdentity(shareFile, pw).rejection()).isEqualTo(Rejection.MALFORMED);
      // A key file is never replaced.
      assertThatThrownBy(() -> Keystore.writeIdentity(idFile, identity(), pw, FAST, RND))
          .isInstanceOf(FileAlreadyExistsException.class);
      try (IdentityKeystore still = Keystore.readIdentity(idFile, pw).orThrow()) {
        assertThat(still.identity().publicKey()).isEqualTo(id.identity().publicKey());
      }
    }
  }

  /**
   * Issue 9 item 17: a standard EIP-2335 version-4 file. An independent EIP-2335 decryption (the
   * EIP's procedure written out here with Bouncy Castle's scrypt) recovers the secret, whose public
   * key is the file's {@code pubkey}; the uuid is an RFC 4122 v4 UUID.
   */
  @Test
  void filesAreStandardEip2335ThatAnotherImplementationDecrypts() throws Exception {
    try (ShareKeystore s = share();
        IdentityKeystore id = identity()) {
      for (String json :
          new String[] {
            Keystore.encryptShare(s, Password.of("pw"), FAST, RND),
            Keystore.encryptIdentity(id, Password.of("pw"), FAST, RND)
          }) {
        JsonNode root = JSON.readTree(json);
        assertThat(root.fieldNames())
            .toIterable()
            .containsExactlyInAnyOrder(
                "crypto", "description", "pubkey", "path", "uuid", "version", "fedbridge");
        assertThat(root.get("version").asInt()).isEqualTo(4);
        java.util.UUID uuid = java.util.UUID.fromString(root.get("uuid").asText());
        assertThat(uuid.version()).isEqualTo(4);
        assertThat(uuid.variant()).isEqualTo(2);
        byte[] secret = Eip2335Reference.decrypt(root, "pw".getBytes());
        String pubkey = root.get("pubkey").asText();
        if (root.path("fedbridge").path("kind").asText().equals("share")) {
          try (SecretKey k = SecretKey.fromBytes(secret).orThrow()) {
            assertThat(Hex.encode(k.publicKey().toCompressed())).isEqualTo("0x" + pubkey);
          }
        } else {
          try (IdentityKey k = IdentityKey.fromBytes(secret).orThrow()) {
            assertThat(Hex.encode(k.publicKey().compressed())).isEqualTo("0x" + pubkey);
          }
        }
      }
    }
  }

  @Test
  void pbkdf2KeystoreRoundTrips() {
    try (ShareKeystore s = share()) {
      String json = Keystore.encryptShare(s, Password.of("pw"), new Kdf.Pbkdf2(1000), RND);
      assertThat(Keystore.decryptShare(json, Password.of("pw")).orThrow().share().publicKey())
          .isEqualTo(s.share().publicKey());
    }
  }

  @Test
  void wrongPasswordIsAClearError() {
    try (ShareKeystore s = share()) {
      String json = Keystore.encryptShare(s, Password.of("right"), FAST, RND);
      Result<ShareKeystore> r = Keystore.decryptShare(json, Password.of("wrong"));
      assertThat(r.rejection()).isEqualTo(Rejection.WRONG_PASSWORD);
      assertThat(((Result.Err<ShareKeystore>) r).detail()).contains("wrong password");
    }
  }

  /** Issue 9 item 17: the metadata is under an HMAC keyed from the password. */
  @Test
  void editedPublicFieldsAreRefused() throws Exception {
    try (ShareKeystore s = share()) {
      String json = Keystore.encryptShare(s, Password.of("pw"), FAST, RND);
      ObjectNode ct = (ObjectNode) JSON.readTree(json);
      ObjectNode cipher = (ObjectNode) ct.path("crypto").path("cipher");
      String m = cipher.get("message").asText();
      cipher.put("message", (m.charAt(0) == '0' ? "1" : "0") + m.substring(1));
      assertThat(Keystore.decryptShare(ct.toString(), Password.of("pw")).rejection())
          .isEqualTo(Rejection.WRONG_PASSWORD);

      Map<String, Object> edits =
          Map.of(
              "shareIndex", 4,
              "epoch", 8,
              "threshold", 2,
              "operatorId", "evil-validators",
              "sessionId", Keccak.hash("other".getBytes()).toHex());
      for (var edit : edits.entrySet()) {
        ObjectNode e = (ObjectNode) JSON.readTree(json);
        ObjectNode fb = (ObjectNode) e.get("fedbridge");
        if (edit.getValue() instanceof Integer i) {
          fb.put(edit.getKey(), i);
        } else {
          fb.put(edit.getKey(), (String) edit.getValue());
        }
        assertThat(Keystore.decryptShare(e.toString(), Password.of("pw")).rejection())
            .as(edit.getKey())
            .isEqualTo(Rejection.MALFORMED);
      }
      try (SecretKey other = SecretKey.random(RND)) {
        ObjectNode g = (ObjectNode) JSON.readTree(json);
        ((ObjectNode) g.get("fedbridge"))
            .put("groupPublicKey", Hex.encode(other.publicKey().toCompressed()));
        assertThat(Keystore.decryptShare(g.toString(), Password.of("pw")).rejection())
            .isEqualTo(Rejection.MALFORMED);
        ObjectNode pk = (ObjectNode) JSON.readTree(json);
        pk.put("pubkey", Hex.encode(other.publicKey().toCompressed()).substring(2));
        assertThat(Keystore.decryptShare(pk.toString(), Password.of("pw")).rejection())
            .isEqualTo(Rejection.MALFORMED);
      }
      ObjectNode noMac = (ObjectNode) JSON.readTree(json);
      ((ObjectNode) noMac.get("fedbridge")).remove("checksum");
      assertThat(Keystore.decryptShare(noMac.toString(), Password.of("pw")).rejection())
          .isEqualTo(Rejection.MALFORMED);
      assertThat(Keystore.decryptShare("{not json", Password.of("pw")).rejection())
          .isEqualTo(Rejection.MALFORMED);
      assertThat(Keystore.decryptShare("{}", Password.of("pw")).rejection())
          .isEqualTo(Rejection.MALFORMED);
      assertThat(Keystore.decryptShare("[1]", Password.of("pw")).rejection())
          .isEqualTo(Rejection.MALFORMED);
    }
  }

  /**
   * Issue 9 item 12: KDF parameters that would need more than 1 GiB (128·r·n) or p > 4 are refused
   * before anything is allocated: a 128 GiB scrypt comes back as a rejection, not an
   * OutOfMemoryError, and quickly.
   */
  @Test
  void exploitKeystoreKdfBombsAreRefusedBeforeAnyAllocation() throws Exception {
    try (IdentityKeystore id = identity()) {
      String json = Keystore.encryptIdentity(id, Password.of("pw"), FAST, RND);
      Object[][] bombs = {
        {1L << 21, 8, 1}, // 2 GiB
        {1L << 20, 16, 1}, // 2 GiB
        {1L << 30, 1, 1}, // 128 GiB
        {1L << 18, 8, 5}, // p > 4
        {1L << 18, 0, 1},
        {(1L << 18) + 1, 8, 1}, // not a power of two
        {1L << 40, 1, 1},
      };
      long start = System.nanoTime();
      for (Object[] b : bombs) {
        ObjectNode e = (ObjectNode) JSON.readTree(json);
        ObjectNode p = (ObjectNode) e.path("crypto").path("kdf").path("params");
        p.put("n", (Long) b[0]);
        p.put("r", (Integer) b[1]);
        p.put("p", (Integer) b[2]);
        assertThat(Keystore.decryptIdentity(e.toString(), Password.of("pw")).rejection())
            .as("n=%s r=%s p=%s", b[0], b[1], b[2])
            .isEqualTo(Rejection.MALFORMED);
      }
      ObjectNode text = (ObjectNode) JSON.readTree(json);
      ((ObjectNode) text.path("crypto").path("kdf").path("params")).put("n", "262144");
      assertThat(Keystore.decryptIdentity(text.toString(), Password.of("pw")).rejection())
          .isEqualTo(Rejection.MALFORMED);
      ObjectNode c = (ObjectNode) JSON.readTree(json);
      ObjectNode k = (ObjectNode) c.path("crypto").path("kdf");
      k.put("function", "pbkdf2");
      ((ObjectNode) k.get("params")).put("c", 2_000_000_000).put("prf", "hmac-sha256");
      assertThat(Keystore.decryptIdentity(c.toString(), Password.of("pw")).rejection())
          .isEqualTo(Rejection.MALFORMED);
      assertThat(System.nanoTime() - start).isLessThan(2_000_000_000L);
      // The largest accepted scrypt is exactly 1 GiB.
      assertThat(Kdf.scrypt(1L << 20, 8, 4).isOk()).isTrue();
      assertThat(Kdf.scrypt(1L << 20, 9, 1).isOk()).isFalse();
    }
  }

  @Test
  void oversizedFilesAreRefusedUnread(@TempDir Path dir) throws Exception {
    Path big = dir.resolve("big.json");
    Files.write(big, new byte[Keystore.MAX_FILE_BYTES + 1]);
    assertThat(Keystore.readIdentity(big, Password.of("pw")).rejection())
        .isEqualTo(Rejection.MALFORMED);
  }

  @Test
  void secretsNeverPrintAndCloseZeroes() {
    ShareKeystore s = share();
    IdentityKeystore id = identity();
    String hexShare = Hex.encode(s.share().key().toBytes()).substring(2);
    String hexId = Hex.encode(id.identity().toBytes()).substring(2);
    assertThat(s.toString()).doesNotContain(hexShare).contains("redacted");
    assertThat(id.toString()).doesNotContain(hexId).contains("redacted");
    try (Password p = Password.of("secret-pw")) {
      assertThat(p.toString()).doesNotContain("secret-pw");
    }
    s.close();
    id.close();
    assertThat(s.share().key().isClosed()).isTrue();
    assertThatThrownBy(() -> id.identity().toBytes()).isInstanceOf(IllegalStateException.class);
  }

  @Test
  void passwordFromEnvironmentOrFile(@TempDir Path dir) throws Exception {
    try (IdentityKeystore id = identity()) {
      String json = Keystore.encryptIdentity(id, Password.of("from-somewhere"), FAST, RND);
      Password env =
          Password.fromEnv(
                  "FEDBRIDGE_KEYSTORE_PASSWORD",
                  Map.of("FEDBRIDGE_KEYSTORE_PASSWORD", "from-somewhere"))
              .orThrow();
      assertThat(Keystore.decryptIdentity(json, env).isOk()).isTrue();
      Path f = dir.resolve("pw.txt");
      Files.writeString(f, "from-somewhere\n");
      assertThat(Keystore.decryptIdentity(json, Password.fromFile(f).orThrow()).isOk()).isTrue();
      assertThat(Password.fromEnv("MISSING", Map.of()).rejection()).isEqualTo(Rejection.MALFORMED);
      assertThat(Password.fromFile(dir.resolve("nope")).rejection()).isEqualTo(Rejection.MALFORMED);
    }
  }

  /** EIP-2335 "Test Cases": password "𝔱𝔢𝔰𝔱𝔭𝔞𝔰𝔰𝔴𝔬𝔯𝔡🔑", both KDFs, 32-byte secret. */
  @Test
  void eip2335TestVectorsDecrypt() throws Exception {
    String secret = "000000000019d6689c085ae165831e934ff763ae46a2a6c172b3f1b60a8ce26f";
    String password =
        "\uD835\uDD31\uD835\uDD22\uD835\uDD30\uD835\uDD31\uD835\uDD2D\uD835\uDD1E"
            + "\uD835\uDD30\uD835\uDD30\uD835\uDD34\uD835\uDD2C\uD835\uDD2F\uD835\uDD21\uD83D\uDD11";
    try (Password p = Password.of(password)) {
      assertThat(Hex.encode(p.bytes())).isEqualTo("0x7465737470617373776f7264f09f9491");
    }
    String scrypt =
        "{\"crypto\":{\"kdf\":{\"function\":\"scrypt\",\"params\":{\"dklen\":32,\"n\":262144,\"p\":1,"
            + "\"r\":8,\"salt\":\"d4e56740f876aef8c010b86a40d5f56745a118d0906a34e69aec8c0db1cb8fa3\"},"
            + "\"message\":\"\"},\"checksum\":{\"function\":\"sha256\",\"params\":{},\"message\":"
            + "\"d2217fe5f3e9a1e34581ef8a78f7c9928e436d36dacc5e846690a5581e8ea484\"},\"cipher\":"
            + "{\"function\":\"aes-128-ctr\",\"params\":{\"iv\":\"264daa3f303d7259501c93d997d84fe6\"},"
            + "\"message\":\"06ae90d55fe0a6e9c5c3bc5b170827b2e5cce3929ed3f116c2811e6366dfe20f\"}},"
            + "\"version\":4}";
    String pbkdf2 =
        "{\"crypto\":{\"kdf\":{\"function\":\"pbkdf2\",\"params\":{\"dklen\":32,\"c\":262144,"
            + "\"prf\":\"hmac-sha256\",\"salt\":"
            + "\"d4e56740f876aef8c010b86a40d5f56745a118d0906a34e69aec8c0db1cb8fa3\"},\"message\":\"\"},"
            + "\"checksum\":{\"function\":\"sha256\",\"params\":{},\"message\":"
            + "\"8a9f5d9912ed7e75ea794bc5a89bca5f193721d30868ade6f73043c6ea6febf1\"},\"cipher\":"
            + "{\"function\":\"aes-128-ctr\",\"params\":{\"iv\":\"264daa3f303d7259501c93d997d84fe6\"},"
            + "\"message\":\"cee03fde2af33149775b7223e7845e4fb2c8ae1792e5f99fe9ecf474cc8c16ad\"}},"
            + "\"version\":4}";
    for (String v : new String[] {scrypt, pbkdf2}) {
      try (var d = Eip2335.decrypt(JSON.readTree(v), Password.of(password), 32).orThrow()) {
        assertThat(Hex.encode(d.secret())).isEqualTo("0x" + secret);
      }
      assertThat(
              Hex.encode(Eip2335Reference.decrypt(JSON.readTree(v), Password.of(password).bytes())))
          .isEqualTo("0x" + secret);
    }
  }
}
