package org.fedbridge.devnet;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import org.fedbridge.core.dkg.IdentityKey;
import org.fedbridge.core.keystore.IdentityKeystore;
import org.fedbridge.core.keystore.Kdf;
import org.fedbridge.core.keystore.Keystore;
import org.fedbridge.core.keystore.Password;
import org.fedbridge.core.types.Hex;
import org.web3j.crypto.Credentials;
import org.web3j.crypto.WalletUtils;

/**
 * The admin console's devnet keys and first token, under {@code .devnet/admin/} (devnet only): a
 * governance identity keystore, the pauser key (the devnet deployer, the vault's pauser) in a V3
 * keystore, both under one random password, and a random bootstrap token in {@code
 * .devnet/admin/bootstrap-token} (owner-only), which the launcher prints once.
 */
final class DevAdmin {
  /** Where the console's files are, its settings, the token and the governance public key. */
  record Setup(Path directory, List<String> settings, String bootstrapToken, String governanceKey) {
    @Override
    public String toString() {
      return "DevAdmin.Setup[" + directory + ", <token redacted>]";
    }
  }

  private DevAdmin() {}

  static Setup create(Path devnetDir, DevAccount pauser) {
    SecureRandom random = new SecureRandom();
    Path dir = devnetDir.resolve("admin");
    try {
      Files.createDirectories(dir);
      byte[] secret = new byte[24];
      random.nextBytes(secret);
      String password = HexFormat.of().formatHex(secret);
      Path passwordFile = ownerOnly(dir.resolve("password.txt"), password + "\n");
      Path governance = dir.resolve("governance.json");
      String governanceKey;
      try (IdentityKeystore id = new IdentityKeystore("admin-api", IdentityKey.random(random));
          Password pw = Password.of(password)) {
        Keystore.writeIdentity(governance, id, pw, new Kdf.Scrypt(DevKeys.SCRYPT_N, 8, 1), random);
        governanceKey = Hex.encode(id.identity().publicKey().compressed());
      }
      String pauserFile =
          WalletUtils.generateWalletFile(
              password,
              Credentials.create(pauser.privateKey()).getEcKeyPair(),
              dir.toFile(),
              false);
      byte[] raw = new byte[32];
      random.nextBytes(raw);
      String token = "fba_" + Base64.getUrlEncoder().withoutPadding().encodeToString(raw);
      Path tokenFile = ownerOnly(dir.resolve("bootstrap-token"), token + "\n");
      List<String> settings =
          List.of(
              "--bridge.admin.governance.keystore=" + governance,
              "--bridge.admin.governance.password-file=" + passwordFile,
              "--bridge.admin.pauser.keystore=" + dir.resolve(pauserFile),
              "--bridge.admin.pauser.password-file=" + passwordFile,
              "--bridge.admin.bootstrap-token-file=" + tokenFile,
              "--bridge.admin.timelock=PT30S");
      return new Setup(dir, settings, token, governanceKey);
    } catch (IOException | org.web3j.crypto.exception.CipherException e) {
      throw new DevnetException("cannot write the admin console's keys: " + e.getMessage(), e);
    }
  }

  static Path tokenFile(Path devnetDir) {
    return devnetDir.resolve("admin").resolve("bootstrap-token");
  }

  private static Path ownerOnly(Path file, String content) throws IOException {
    Files.writeString(file, content);
    Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
    return file;
  }
}
