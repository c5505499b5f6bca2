package org.fedbridge.devnet;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import org.fedbridge.core.dkg.IdentityKey;
import org.fedbridge.core.keystore.IdentityKeystore;
import org.fedbridge.core.keystore.Kdf;
import org.fedbridge.core.keystore.Keystore;
import org.fedbridge.core.keystore.Password;
import org.fedbridge.core.types.Hex;

/**
 * The validators' identity keys: one EIP-2335 keystore per validator under {@code .devnet/keys/},
 * all under one random password in {@code .devnet/keys/password.txt} (devnet only: a real operator
 * runs {@code bridge-validator keys new-identity} with its own password). The devnet never sees a
 * key share: the validators make them in their DKG.
 */
final class DevKeys {
  /** Cheap scrypt for the devnet's keystores (validators run with small heaps). */
  static final int SCRYPT_N = 1 << 14;

  /** One validator's key directory and identity public key. */
  record Validator(int index, String operatorId, Path directory, String identityPublicKey) {}

  private DevKeys() {}

  static String operatorId(int index) {
    return "devnet-op-" + index;
  }

  static Path passwordFile(Path dir) {
    return dir.resolve("keys").resolve("password.txt");
  }

  static List<Validator> create(Path dir, int n) {
    SecureRandom random = new SecureRandom();
    Path keys = dir.resolve("keys");
    try {
      Files.createDirectories(keys);
      byte[] secret = new byte[24];
      random.nextBytes(secret);
      String password = HexFormat.of().formatHex(secret);
      Path file = passwordFile(dir);
      Files.writeString(file, password + "\n");
      Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
      List<Validator> out = new ArrayList<>();
      for (int k = 1; k <= n; k++) {
        Path own = Files.createDirectories(keys.resolve("validator-" + k));
        try (IdentityKeystore id = new IdentityKeystore(operatorId(k), IdentityKey.random(random));
            Password pw = Password.of(password)) {
          Keystore.writeIdentity(
              own.resolve("identity.json"), id, pw, new Kdf.Scrypt(SCRYPT_N, 8, 1), random);
          out.add(
              new Validator(
                  k, operatorId(k), own, Hex.encode(id.identity().publicKey().compressed())));
        }
      }
      return out;
    } catch (IOException e) {
      throw new DevnetException("cannot write the validators' keystores: " + e.getMessage(), e);
    }
  }

  /** The validator settings that point at its key directory. */
  static List<String> settings(Path dir, Validator v) {
    return List.of(
        "--bridge.validator.keys.directory=" + v.directory(),
        "--bridge.validator.keys.password-file=" + passwordFile(dir),
        "--bridge.validator.keys.scrypt-n=" + SCRYPT_N);
  }
}
