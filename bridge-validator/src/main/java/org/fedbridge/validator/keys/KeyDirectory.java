package org.fedbridge.validator.keys;

import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Optional;
import org.fedbridge.core.keystore.IdentityKeystore;
import org.fedbridge.core.keystore.Kdf;
import org.fedbridge.core.keystore.Keystore;
import org.fedbridge.core.keystore.Password;
import org.fedbridge.core.keystore.ShareKeystore;
import org.fedbridge.core.types.Rejection;
import org.fedbridge.core.types.Result;

/**
 * This member's key directory: {@code identity.json} (with {@code identity-next.json} during an
 * identity rotation) and {@code share-epoch-<N>.json} files, all under one password. Key files are
 * never replaced; a second, different share for an epoch is refused.
 */
public final class KeyDirectory {
  public static final String IDENTITY_FILE = "identity.json";

  /** The next identity key during an identity rotation (see {@link Identities}). */
  public static final String NEXT_IDENTITY_FILE = "identity-next.json";

  private final Path directory;
  private final Path shareDirectory;
  private final Password password;
  private final Kdf kdf;
  private final SecureRandom random = new SecureRandom();

  public KeyDirectory(Path directory, Password password, Kdf kdf) {
    this(directory, directory, password, kdf);
  }

  /** Shares are written to {@code shareDirectory} and read from it or from {@code directory}. */
  public KeyDirectory(Path directory, Path shareDirectory, Password password, Kdf kdf) {
    this.directory = directory;
    this.shareDirectory = shareDirectory;
    this.password = password;
    this.kdf = kdf;
  }

  public Path directory() {
    return directory;
  }

  public Path identityFile() {
    return directory.resolve(IDENTITY_FILE);
  }

  public Path nextIdentityFile() {
    return directory.resolve(NEXT_IDENTITY_FILE);
  }

  /** Where the share of {@code epoch} is (or would be written). */
  public Path shareFile(long epoch) {
    Path name = Path.of("share-epoch-" + epoch + ".json");
    Path inKeys = directory.resolve(name);
    return Files.isRegularFile(inKeys) ? inKeys : shareDirectory.resolve(name);
  }

  /** The identity keystore, or a refusal that says how to create one. */
  public Result<IdentityKeystore> identity() {
    Path file = identityFile();
    if (!Files.isRegularFile(file)) {
      return Result.err(
          Rejection.MALFORMED,
          "no identity keystore at "
              + file
              + " (create one with: java -jar bridge-validator.jar keys new-identity)");
    }
    return Keystore.readIdentity(file, password);
  }

  /** The next identity keystore, when an identity rotation is under way. */
  public Optional<Result<IdentityKeystore>> nextIdentity() {
    Path file = nextIdentityFile();
    return Files.isRegularFile(file)
        ? Optional.of(Keystore.readIdentity(file, password))
        : Optional.empty();
  }

  /** Creates {@code identity.json}; refuses to replace an existing one. */
  public void createIdentity(IdentityKeystore contents) throws IOException {
    Files.createDirectories(directory);
    Keystore.writeIdentity(identityFile(), contents, password, kdf, random);
  }

  /** Creates {@code identity-next.json}; refuses to replace an existing one. */
  public void createNextIdentity(IdentityKeystore contents) throws IOException {
    Files.createDirectories(directory);
    Keystore.writeIdentity(nextIdentityFile(), contents, password, kdf, random);
  }

  /** The share of {@code epoch}, if this member has one. */
  public Optional<Result<ShareKeystore>> share(long epoch) {
    Path file = shareFile(epoch);
    return Files.isRegularFile(file)
        ? Optional.of(Keystore.readShare(file, password))
        : Optional.empty();
  }

  /**
   * Writes the share of an epoch. Idempotent for the same share (a restart that confirms the same
   * DKG again); SECURITY: a different share for an epoch that already has one is refused, so a
   * member never holds two shares of one epoch.
   */
  public Result<Void> storeShare(ShareKeystore share) {
    Path file = shareFile(share.epoch());
    try {
      Files.createDirectories(file.getParent());
      Keystore.writeShare(file, share, password, kdf, random);
      return Result.ok(null);
    } catch (FileAlreadyExistsException e) {
      Result<ShareKeystore> existing = Keystore.readShare(file, password);
      if (!existing.isOk()) {
        return existing.map(x -> null);
      }
      try (ShareKeystore old = existing.orThrow()) {
        boolean same =
            old.sessionId().equals(share.sessionId())
                && old.share().index() == share.share().index()
                && old.share().publicKey().equals(share.share().publicKey());
        return same
            ? Result.ok(null)
            : Result.err(
                Rejection.DUPLICATE_MEMBER,
                file + " already holds a different share for epoch " + share.epoch());
      }
    } catch (IOException e) {
      return Result.err(Rejection.MALFORMED, "cannot write " + file + ": " + e.getMessage());
    }
  }
}
