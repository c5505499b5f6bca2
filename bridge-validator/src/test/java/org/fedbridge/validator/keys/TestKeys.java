package org.fedbridge.validator.keys;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.LinkedHashMap;
import java.util.Map;
import org.fedbridge.core.dkg.IdentityKey;
import org.fedbridge.core.keystore.IdentityKeystore;
import org.fedbridge.core.keystore.Kdf;
import org.fedbridge.core.keystore.Keystore;
import org.fedbridge.core.keystore.Password;

/**
 * A validator key directory for tests: {@code identity.json} (cheap scrypt) and a password file.
 * Tests that start the service pass {@link #settings}.
 */
public final class TestKeys {
  public static final String PASSWORD = "test-keystore-password";
  private static final SecureRandom RND = new SecureRandom();

  private TestKeys() {}

  /** Creates {@code dir/identity.json} for {@code operatorId}; returns its identity key. */
  public static IdentityKey identity(Path dir, String operatorId) {
    try {
      Files.createDirectories(dir);
      Files.writeString(passwordFile(dir), PASSWORD + "\n");
      IdentityKey key = IdentityKey.random(RND);
      IdentityKey copy = IdentityKey.fromBytes(key.toBytes()).orThrow();
      Keystore.writeIdentity(
          dir.resolve(KeyDirectory.IDENTITY_FILE),
          new IdentityKeystore(operatorId, key),
          Password.of(PASSWORD),
          new Kdf.Scrypt(1024, 8, 1),
          RND);
      return copy;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Creates {@code dir/identity-next.json} (an identity rotation); returns its identity key. */
  public static IdentityKey nextIdentity(Path dir, String operatorId) {
    try {
      IdentityKey key = IdentityKey.random(RND);
      IdentityKey copy = IdentityKey.fromBytes(key.toBytes()).orThrow();
      Keystore.writeIdentity(
          dir.resolve(KeyDirectory.NEXT_IDENTITY_FILE),
          new IdentityKeystore(operatorId, key),
          Password.of(PASSWORD),
          new Kdf.Scrypt(1024, 8, 1),
          RND);
      return copy;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public static Path passwordFile(Path dir) {
    return dir.resolve("password.txt");
  }

  /** The {@code bridge.validator.keys.*} settings for {@code dir}. */
  public static Map<String, String> settings(Path dir) {
    Map<String, String> s = new LinkedHashMap<>();
    s.put("bridge.validator.keys.directory", dir.toString());
    s.put("bridge.validator.keys.password-file", passwordFile(dir).toString());
    s.put("bridge.validator.keys.scrypt-n", "1024");
    return s;
  }

  /** An open key directory over {@code dir} (cheap scrypt for the shares it writes). */
  public static KeyDirectory open(Path dir) {
    return new KeyDirectory(dir, Password.of(PASSWORD), new Kdf.Scrypt(1024, 8, 1));
  }
}
