package org.fedbridge.validator.keys;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import org.fedbridge.core.bls.SecretKey;
import org.fedbridge.core.dkg.IdentityKey;
import org.fedbridge.core.keystore.IdentityKeystore;
import org.fedbridge.core.keystore.Keystore;
import org.fedbridge.core.keystore.Password;
import org.fedbridge.core.keystore.ShareKeystore;
import org.fedbridge.core.threshold.SecretShare;
import org.fedbridge.core.types.Hex;
import org.fedbridge.core.types.Keccak;
import org.fedbridge.core.types.Rejection;
import org.fedbridge.testsupport.JavaProcess;
import org.fedbridge.validator.ValidatorApplication;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The key directory, the keystore signer and the {@code keys} command an operator runs. */
class KeysTest {
  static final SecureRandom RND = new SecureRandom();

  static ShareKeystore share(long epoch, int index, SecretKey key, IdentityKey owner) {
    try (SecretKey group = SecretKey.random(RND)) {
      return new ShareKeystore(
          epoch,
          "op-1",
          Keccak.hash(("session-" + epoch).getBytes()),
          group.publicKey(),
          3,
          owner.publicKey(),
          new SecretShare(index, key));
    }
  }

  @Test
  void aSecondDifferentShareForAnEpochIsRefusedTheSameOneIsIdempotent(@TempDir Path dir) {
    IdentityKey owner = TestKeys.identity(dir, "op-1");
    KeyDirectory keys = TestKeys.open(dir);
    try (SecretKey k = SecretKey.random(RND)) {
      ShareKeystore s = share(5, 2, SecretKey.fromBytes(k.toBytes()).orThrow(), owner);
      assertThat(keys.storeShare(s).isOk()).isTrue();
      assertThat(keys.storeShare(s).isOk()).as("the same share again").isTrue();
      ShareKeystore other = share(5, 2, SecretKey.random(RND), owner);
      assertThat(keys.storeShare(other).rejection()).isEqualTo(Rejection.DUPLICATE_MEMBER);
      assertThat(keys.share(5).orElseThrow().orThrow().share().publicKey())
          .isEqualTo(k.publicKey());
    }
  }

  @Test
  void sharesGoToTheShareDirectoryWhenTheKeyDirectoryIsReadOnly(@TempDir Path dir)
      throws Exception {
    Path keysDir = dir.resolve("secret-mount");
    IdentityKey owner = TestKeys.identity(keysDir, "op-1");
    Files.setPosixFilePermissions(
        keysDir, java.nio.file.attribute.PosixFilePermissions.fromString("r-x------"));
    try {
      KeyDirectory keys =
          new KeysSettings(
                  keysDir,
                  dir.resolve("shares"),
                  TestKeys.passwordFile(keysDir),
                  null,
                  KeysSettings.SignerKind.KEYSTORE,
                  1024)
              .open(org.fedbridge.core.keystore.Password.of(TestKeys.PASSWORD));
      assertThat(keys.identity().isOk()).isTrue();
      ShareKeystore s = share(2, 1, SecretKey.random(RND), owner);
      assertThat(keys.storeShare(s).isOk()).isTrue();
      assertThat(dir.resolve("shares/share-epoch-2.json")).exists();
      assertThat(keys.share(2).orElseThrow().isOk()).isTrue();
      // A share the operator copied into the (read-only) key directory is found there, and a
      // different one for that epoch is refused.
      assertThat(keys.storeShare(share(2, 1, SecretKey.random(RND), owner)).rejection())
          .isEqualTo(Rejection.DUPLICATE_MEMBER);
    } finally {
      Files.setPosixFilePermissions(
          keysDir, java.nio.file.attribute.PosixFilePermissions.fromString("rwx------"));
    }
  }

  @Test
  void theKeystoreSignerSignsWithTheEpochsShareAndRefusesAnEpochWithout(@TempDir Path dir) {
    IdentityKey owner = TestKeys.identity(dir, "op-1");
    KeyDirectory keys = TestKeys.open(dir);
    SecretKey k = SecretKey.random(RND);
    var sharePk = k.publicKey();
    assertThat(keys.storeShare(share(3, 4, k, owner)).isOk()).isTrue();
    Signer signer =
        Signers.shares(
            new KeysSettings(dir, null, null, "X", KeysSettings.SignerKind.KEYSTORE, 1024), keys);
    var digest = Keccak.hash("batch".getBytes());
    var partial = signer.sign(3, digest).orThrow();
    assertThat(partial.index()).isEqualTo(4);
    assertThat(org.fedbridge.core.bls.Bls.verify(sharePk, digest, partial.signature())).isTrue();
    assertThat(signer.sign(4, digest).rejection()).isEqualTo(Rejection.UNKNOWN_MEMBER);
  }

  @Test
  void newIdentityWritesTheKeystoreAndPrintsItsPublicKeyOnly(@TempDir Path dir) throws Exception {
    Path pw = dir.resolve("pw.txt");
    Files.writeString(pw, "operator-secret-pw\n");
    Path keys = dir.resolve("keys");
    JavaProcess.Result r =
        JavaProcess.run(
            ValidatorApplication.class,
            Duration.ofMinutes(1),
            "keys",
            "new-identity",
            "--operator-id",
            "acme-validators",
            "--directory",
            keys.toString(),
            "--password-file",
            pw.toString(),
            "--scrypt-n",
            "1024");
    assertThat(r.exitCode()).as(r.stderr()).isZero();
    try (IdentityKeystore id =
        Keystore.readIdentity(keys.resolve("identity.json"), Password.of("operator-secret-pw"))
            .orThrow()) {
      String pub = Hex.encode(id.identity().publicKey().compressed());
      assertThat(r.stdout()).contains("identity public key: " + pub);
      assertThat(r.stdout()).contains("\"operatorId\": \"acme-validators\"");
      assertThat(id.operatorId()).isEqualTo("acme-validators");
      assertThat(r.stdout() + r.stderr())
          .doesNotContain("operator-secret-pw")
          .doesNotContain(Hex.encode(id.identity().toBytes()).substring(2));
    }
    // Never replaced; lookalike operator ids refused; a password source is required.
    JavaProcess.Result again =
        JavaProcess.run(
            ValidatorApplication.class,
            Duration.ofMinutes(1),
            "keys",
            "new-identity",
            "--operator-id",
            "acme-validators",
            "--directory",
            keys.toString(),
            "--password-file",
            pw.toString());
    assertThat(again.exitCode()).isEqualTo(1);
    assertThat(again.lastErrorLine()).contains("already exists");
    JavaProcess.Result upper =
        JavaProcess.run(
            ValidatorApplication.class,
            Duration.ofMinutes(1),
            "keys",
            "new-identity",
            "--operator-id",
            "Acme",
            "--directory",
            dir.resolve("k2").toString(),
            "--password-file",
            pw.toString());
    assertThat(upper.exitCode()).isEqualTo(1);
    assertThat(upper.lastErrorLine()).contains("a-z, 0-9");
    JavaProcess.Result noPassword =
        JavaProcess.run(
            ValidatorApplication.class,
            Duration.ofMinutes(1),
            "keys",
            "new-identity",
            "--operator-id",
            "acme",
            "--directory",
            dir.resolve("k3").toString());
    assertThat(noPassword.exitCode()).isEqualTo(2);
    assertThat(Files.exists(dir.resolve("k3").resolve("identity.json"))).isFalse();
    JavaProcess.Result show =
        JavaProcess.run(
            ValidatorApplication.class,
            Duration.ofMinutes(1),
            "keys",
            "show",
            "--directory",
            keys.toString(),
            "--password-file",
            pw.toString());
    assertThat(show.exitCode()).isZero();
    assertThat(show.stdout()).contains("operator id:         acme-validators");
  }

  /** A validator without its identity key, or with no way to read the password, does not start. */
  @Test
  void theServiceRefusesToStartWithoutItsIdentityKeystoreOrPassword(@TempDir Path dir)
      throws Exception {
    Map<String, String> base = new LinkedHashMap<>();
    base.put("server.port", "0");
    base.put("spring.datasource.url", org.fedbridge.testsupport.TestPostgres.shared().jdbcUrl());
    base.put(
        "spring.datasource.username", org.fedbridge.testsupport.TestPostgres.shared().username());
    base.put(
        "spring.datasource.password", org.fedbridge.testsupport.TestPostgres.shared().password());
    base.put(
        "bridge.validator.kafka.bootstrap-servers",
        org.fedbridge.testsupport.TestKafka.shared().bootstrapServers());
    base.put("bridge.validator.operator-id", "op-1");
    base.put("bridge.validator.l1.rpc-url", "http://127.0.0.1:8545");
    base.put("bridge.validator.l1.chain-id", "31337");
    base.put("bridge.validator.l1.vault", "0x5FbDB2315678afecb367f032d93F642f64180aa3");
    base.put("bridge.validator.sidechain.rpc-url", "http://127.0.0.1:8645");
    base.put("bridge.validator.sidechain.chain-id", "1337");

    Map<String, String> noPassword = new LinkedHashMap<>(base);
    noPassword.put("bridge.validator.keys.directory", dir.toString());
    assertLine(noPassword, "invalid setting bridge.validator.keys.one-password-source");

    Files.writeString(dir.resolve("pw"), "pw\n");
    Map<String, String> noIdentity = new LinkedHashMap<>(noPassword);
    noIdentity.put("bridge.validator.keys.password-file", dir.resolve("pw").toString());
    assertLine(noIdentity, "no identity keystore at " + dir.resolve("identity.json"));

    Path keys = dir.resolve("keys");
    TestKeys.identity(keys, "op-2");
    Map<String, String> otherOperator = new LinkedHashMap<>(base);
    otherOperator.putAll(TestKeys.settings(keys));
    assertLine(otherOperator, "bridge.validator.operator-id differs");

    Map<String, String> wrongPassword = new LinkedHashMap<>(otherOperator);
    wrongPassword.put("bridge.validator.operator-id", "op-2");
    wrongPassword.put("bridge.validator.keys.password-file", dir.resolve("pw").toString());
    assertLine(wrongPassword, "checksum mismatch: wrong password");
  }

  static void assertLine(Map<String, String> settings, String expected) {
    String[] args =
        settings.entrySet().stream()
            .map(e -> "--" + e.getKey() + "=" + e.getValue())
            .toArray(String[]::new);
    JavaProcess.Result r = JavaProcess.run(ValidatorApplication.class, Duration.ofMinutes(1), args);
    assertThat(r.exitCode()).as(r.stderr()).isEqualTo(1);
    assertThat(r.lastErrorLine())
        .startsWith("bridge-validator: failed to start:")
        .contains(expected);
    assertThat(r.stdout() + r.stderr()).doesNotContain(TestKeys.PASSWORD);
  }
}
