package org.fedbridge.validator.keys;

import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.nio.file.Path;
import java.util.Map;
import org.fedbridge.core.keystore.Kdf;
import org.fedbridge.core.keystore.Password;
import org.fedbridge.core.types.Result;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where this member's keys are ({@code bridge.validator.keys.*}). The directory holds {@code
 * identity.json} (created with {@code java -jar bridge-validator.jar keys new-identity}) and one
 * {@code share-epoch-<N>.json} per epoch (written by the DKG), all EIP-2335 keystores under one
 * password. The password comes from a file or an environment variable, never from a setting's
 * value.
 *
 * @param directory the key directory
 * @param shareDirectory where the DKG writes new share keystores (default: {@code directory}); set
 *     it to a writable volume when {@code directory} is a read-only mount (shares are read from
 *     both)
 * @param passwordFile a file holding the keystore password (one trailing newline is ignored)
 * @param passwordEnv the name of an environment variable holding the keystore password
 * @param signer which {@link Signer} signs with the shares ({@code keystore}; a remote signer can
 *     be added behind the same interface)
 * @param scryptN scrypt cost of share keystores this member writes (a power of two; EIP-2335's 2^18
 *     needs 256 MiB while the file is written or read)
 */
public record KeysSettings(
    @NotNull @DefaultValue("keys") Path directory,
    Path shareDirectory,
    Path passwordFile,
    String passwordEnv,
    @NotNull @DefaultValue("keystore") SignerKind signer,
    @Min(1024) @Max(1 << 20) @DefaultValue("262144") int scryptN) {

  /** The signer implementations. */
  public enum SignerKind {
    KEYSTORE
  }

  /** Exactly one password source. */
  @AssertTrue(message = "set exactly one of password-file and password-env")
  public boolean isOnePasswordSource() {
    return (passwordFile != null) != (passwordEnv != null && !passwordEnv.isBlank());
  }

  /** The KDF for keystores this member writes. */
  public Kdf kdf() {
    return new Kdf.Scrypt(Integer.highestOneBit(scryptN), 8, 1);
  }

  /** Reads the password from its source. */
  public Result<Password> password(Map<String, String> environment) {
    return passwordFile != null
        ? Password.fromFile(passwordFile)
        : Password.fromEnv(passwordEnv, environment);
  }

  public KeyDirectory open(Password password) {
    return new KeyDirectory(
        directory, shareDirectory == null ? directory : shareDirectory, password, kdf());
  }
}
