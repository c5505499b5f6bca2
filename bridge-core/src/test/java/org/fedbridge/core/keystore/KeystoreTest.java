package org.fedbridge.core.keystore;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Map;
import org.fedbridge.core.bls.SecretKey;
import org.fedbridge.core.dkg.IdentityKey;
import org.fedbridge.core.threshold.SecretShare;
import org.fedbridge.core.types.Hex;
import org.fedbridge.core.types.Rejection;
import org.fedbridge.core.types.Result;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KeystoreTest {
  static final SecureRandom RND = new SecureRandom();
  static final ObjectMapper JSON = new ObjectMapper();
  static final Kdf FAST = new Kdf.Scrypt(1 << 12, 8, 1);

  static KeystoreContents contents() {
    return new KeystoreContents(
        7, "acme-validators", new SecretShare(3, SecretKey.random(RND)), IdentityKey.random(RND));
  }

  @Test
  void writeThenReadGivesTheSameKeysWithOwnerOnlyPermissions(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("member-3.json");
    try (KeystoreContents c = contents();
        Password pw = Password.of("correct horse battery staple")) {
      Keystore.write(file, c, pw, FAST, RND);
      assertThat(Files.getPosixFilePermissions(file))
          .isEqualTo(PosixFilePermissions.fromString("rw-------"));
      try (KeystoreContents back =
          Keystore.read(file, Password.of("correct horse battery staple")).orThrow()) {
        assertThat(back.share().index()).isEqualTo(3);
        assertThat(back.share().publicKey()).isEqualTo(c.share().publicKey());
        assertThat(back.identity().publicKey()).isEqualTo(c.identity().publicKey());
        assertThat(back.epoch()).isEqualTo(7);
        assertThat(back.operatorId()).isEqualTo("acme-validators");
      }
    }
  }

  @Test
  void pbkdf2KeystoreRoundTrips() {
    try (KeystoreContents c = contents()) {
      String json = Keystore.encrypt(c, Password.of("pw"), new Kdf.Pbkdf2(1000), RND);
      assertThat(Keystore.decrypt(json, Password.of("pw")).orThrow().share().publicKey())
          .isEqualTo(c.share().publicKey());
    }
  }

  @Test
  void identityOnlyKeystoreBeforeTheFirstDkgRoundTrips() throws Exception {
    try (KeystoreContents c = KeystoreContents.identityOnly("acme", IdentityKey.random(RND))) {
      String json = Keystore.encrypt(c, Password.of("pw"), FAST, RND);
      try (KeystoreContents back = Keystore.decrypt(json, Password.of("pw")).orThrow()) {
        assertThat(back.hasShare()).isFalse();
        assertThat(back.identity().publicKey()).isEqualTo(c.identity().publicKey());
        assertThat(back.toString()).contains("no share");
      }
      // Claiming a share in the clear part does not make one appear.
      ObjectNode forged = (ObjectNode) JSON.readTree(json);
      try (SecretKey other = SecretKey.random(RND)) {
        forged.put("pubkey", Hex.encode(other.publicKey().toCompressed()).substring(2));
      }
      assertThat(Keystore.decrypt(forged.toString(), Password.of("pw")).rejection())
          .isEqualTo(Rejection.MALFORMED);
    }
  }

  @Test
  void wrongPasswordIsAClearError() {
    try (KeystoreContents c = contents()) {
      String json = Keystore.encrypt(c, Password.of("right"), FAST, RND);
      Result<KeystoreContents> r = Keystore.decrypt(json, Password.of("wrong"));
      assertThat(r.rejection()).isEqualTo(Rejection.WRONG_PASSWORD);
      assertThat(((Result.Err<KeystoreContents>) r).detail()).contains("wrong password");
    }
  }

  @Test
  void tamperedFilesAreRefused() throws Exception {
    try (KeystoreContents c = contents()) {
      String json = Keystore.encrypt(c, Password.of("pw"), FAST, RND);
      ObjectNode ct = (ObjectNode) JSON.readTree(json);
      ObjectNode cipher = (ObjectNode) ct.path("crypto").path("cipher");
      String m = cipher.get("message").asText();
      cipher.put("message", (m.charAt(0) == '0' ? "1" : "0") + m.substring(1));
      assertThat(Keystore.decrypt(ct.toString(), Password.of("pw")).rejection())
          .isEqualTo(Rejection.WRONG_PASSWORD);

      ObjectNode idx = (ObjectNode) JSON.readTree(json);
      ((ObjectNode) idx.get("fedbridge")).put("shareIndex", 4);
      assertThat(Keystore.decrypt(idx.toString(), Password.of("pw")).rejection())
          .isEqualTo(Rejection.MALFORMED);

      ObjectNode pk = (ObjectNode) JSON.readTree(json);
      try (SecretKey other = SecretKey.random(RND)) {
        pk.put("pubkey", Hex.encode(other.publicKey().toCompressed()).substring(2));
      }
      assertThat(Keystore.decrypt(pk.toString(), Password.of("pw")).rejection())
          .isEqualTo(Rejection.MALFORMED);

      ObjectNode kdf = (ObjectNode) JSON.readTree(json);
      ((ObjectNode) kdf.path("crypto").path("kdf").path("params")).put("n", 1 << 30);
      assertThat(Keystore.decrypt(kdf.toString(), Password.of("pw")).rejection())
          .isEqualTo(Rejection.MALFORMED);

      assertThat(Keystore.decrypt("{not json", Password.of("pw")).rejection())
          .isEqualTo(Rejection.MALFORMED);
      assertThat(Keystore.decrypt("{}", Password.of("pw")).rejection())
          .isEqualTo(Rejection.MALFORMED);
    }
  }

  @Test
  void secretsNeverPrintAndCloseZeroes() {
    KeystoreContents c = contents();
    String hexShare = Hex.encode(c.share().key().toBytes()).substring(2);
    String hexId = Hex.encode(c.identity().toBytes()).substring(2);
    assertThat(c.toString()).doesNotContain(hexShare).doesNotContain(hexId).contains("redacted");
    try (Password p = Password.of("secret-pw")) {
      assertThat(p.toString()).doesNotContain("secret-pw");
    }
    c.close();
    assertThat(c.share().key().isClosed()).isTrue();
  }

  @Test
  void passwordFromEnvironmentOrFile(@TempDir Path dir) throws Exception {
    try (KeystoreContents c = contents()) {
      String json = Keystore.encrypt(c, Password.of("from-somewhere"), FAST, RND);
      Password env =
          Password.fromEnv(
                  "FEDBRIDGE_KEYSTORE_PASSWORD",
                  Map.of("FEDBRIDGE_KEYSTORE_PASSWORD", "from-somewhere"))
              .orThrow();
      assertThat(Keystore.decrypt(json, env).isOk()).isTrue();
      Path f = dir.resolve("pw.txt");
      Files.writeString(f, "from-somewhere\n");
      assertThat(Keystore.decrypt(json, Password.fromFile(f).orThrow()).isOk()).isTrue();
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
      var d = Keystore.decryptSecret(JSON.readTree(v), Password.of(password), 32).orThrow();
      assertThat(Hex.encode(d.secret())).isEqualTo("0x" + secret);
    }
  }
}
