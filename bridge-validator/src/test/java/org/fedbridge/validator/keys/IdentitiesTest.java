package org.fedbridge.validator.keys;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.fedbridge.core.dkg.IdentityKey;
import org.fedbridge.core.dkg.IdentityPublicKey;
import org.fedbridge.core.types.Bytes32;
import org.fedbridge.core.types.Hex;
import org.fedbridge.core.types.Keccak;
import org.fedbridge.core.types.Rejection;
import org.fedbridge.testsupport.JavaProcess;
import org.fedbridge.validator.ValidatorApplication;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** An identity rotation: the key directory's next identity, and which key signs which epoch. */
class IdentitiesTest {
  static final Bytes32 HASH = Keccak.hash("a record".getBytes());

  @Test
  void eachEpochIsSignedWithTheKeyItsMemberSetListsAndUnknownEpochsWithTheKeyInUse(
      @TempDir Path dir) {
    IdentityKey old = TestKeys.identity(dir, "op-1");
    IdentityKey next = TestKeys.nextIdentity(dir, "op-1");
    Map<Long, IdentityPublicKey> listed = Map.of(4L, old.publicKey(), 5L, next.publicKey());
    try (Identities ids = Identities.open(TestKeys.open(dir)).orThrow()) {
      assertThat(ids.all()).hasSize(2);
      assertThat(ids.current().identity().publicKey()).isEqualTo(old.publicKey());
      IdentitySigner signer = ids.signer(e -> Optional.ofNullable(listed.get(e)));
      assertThat(signer.publicKey()).isEqualTo(old.publicKey());
      assertThat(signer.forEpoch(4).publicKey()).isEqualTo(old.publicKey());
      assertThat(signer.forEpoch(5).publicKey()).isEqualTo(next.publicKey());
      assertThat(signer.forEpoch(6).publicKey()).as("unknown epoch").isEqualTo(old.publicKey());
      // The signature verifies under the key the epoch lists, and under no other.
      byte[] sig = signer.forEpoch(5).sign(HASH);
      assertThat(next.publicKey().verify(HASH, sig)).isTrue();
      assertThat(old.publicKey().verify(HASH, sig)).isFalse();
    }
  }

  @Test
  void withoutANextIdentityEveryEpochUsesTheKeyInUse(@TempDir Path dir) {
    IdentityKey old = TestKeys.identity(dir, "op-1");
    IdentityKey stranger = IdentityKey.random(new java.security.SecureRandom());
    try (Identities ids = Identities.open(TestKeys.open(dir)).orThrow()) {
      assertThat(ids.all()).hasSize(1);
      // An epoch listing a key this member does not hold gets the key in use (and is refused).
      IdentitySigner signer = ids.signer(e -> Optional.of(stranger.publicKey()));
      assertThat(signer.forEpoch(1).publicKey()).isEqualTo(old.publicKey());
    }
  }

  @Test
  void theKeysCommandMakesTheNextIdentityBesideTheOneInUseAndShowsBoth(@TempDir Path dir)
      throws Exception {
    TestKeys.identity(dir, "op-1");
    JavaProcess.Result made = keys("new-identity", "--next", dir);
    assertThat(made.exitCode()).as(made.stderr()).isZero();
    try (Identities ids = Identities.open(TestKeys.open(dir)).orThrow()) {
      assertThat(ids.all()).hasSize(2);
      String pub = Hex.encode(ids.all().get(1).identity().publicKey().compressed());
      assertThat(made.stdout()).contains("identity-next.json").contains(pub);
      JavaProcess.Result show = keys("show", null, dir);
      assertThat(show.exitCode()).as(show.stderr()).isZero();
      assertThat(show.stdout()).contains("next identity key:   " + pub);
    }
    // Never replaced, and never without the identity in use.
    assertThat(keys("new-identity", "--next", dir).lastErrorLine()).contains("already exists");
    Path empty = dir.resolve("empty");
    Files.createDirectories(empty);
    Files.copy(TestKeys.passwordFile(dir), TestKeys.passwordFile(empty));
    JavaProcess.Result alone = keys("new-identity", "--next", empty);
    assertThat(alone.exitCode()).isEqualTo(1);
    assertThat(alone.lastErrorLine()).contains("--next needs the identity in use");
    assertThat(empty.resolve(KeyDirectory.NEXT_IDENTITY_FILE)).doesNotExist();
  }

  private static JavaProcess.Result keys(String command, String flag, Path dir) {
    List<String> args = new ArrayList<>(List.of("keys", command));
    if (command.equals("new-identity")) {
      args.addAll(List.of("--operator-id", "op-1", "--scrypt-n", "1024"));
    }
    if (flag != null) {
      args.add(flag);
    }
    args.addAll(
        List.of(
            "--directory",
            dir.toString(),
            "--password-file",
            TestKeys.passwordFile(dir).toString()));
    return JavaProcess.run(
        ValidatorApplication.class, Duration.ofMinutes(1), args.toArray(String[]::new));
  }

  @Test
  void aNextIdentityOfAnotherOperatorIsRefused(@TempDir Path dir) {
    TestKeys.identity(dir, "op-1");
    TestKeys.nextIdentity(dir, "op-2");
    assertThat(Identities.open(TestKeys.open(dir)).rejection()).isEqualTo(Rejection.UNKNOWN_MEMBER);
  }

  @Test
  void aNextIdentityAloneIsNotEnough(@TempDir Path dir) throws Exception {
    TestKeys.identity(dir, "op-1");
    TestKeys.nextIdentity(dir, "op-1");
    Files.delete(dir.resolve(KeyDirectory.IDENTITY_FILE));
    assertThat(Identities.open(TestKeys.open(dir)).isOk()).isFalse();
  }
}
