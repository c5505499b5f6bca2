package org.fedbridge.admin.governance;

import java.nio.file.Files;
import org.fedbridge.admin.AdminProperties;
import org.fedbridge.core.dkg.IdentityKey;
import org.fedbridge.core.dkg.IdentityPublicKey;
import org.fedbridge.core.keystore.IdentityKeystore;
import org.fedbridge.core.keystore.Keystore;
import org.fedbridge.core.keystore.Password;
import org.fedbridge.core.types.Bytes32;
import org.fedbridge.core.types.Result;
import org.springframework.stereotype.Component;

/**
 * admin-api's governance identity: a secp256k1 key from an EIP-2335-style identity keystore
 * (bridge-core {@code keystore}). It signs every record on {@code bridge.governance}; validators
 * are configured with its public key and refuse records signed by anything else. SECURITY: the key
 * and the password are never logged; a keystore that does not decrypt stops start-up with a line
 * naming the setting.
 */
@Component
public class GovernanceKey implements AutoCloseable {
  private final IdentityKey key;

  GovernanceKey(AdminProperties properties) {
    AdminProperties.KeystoreFile file = properties.governance();
    if (!Files.isRegularFile(file.keystore())) {
      throw new IllegalStateException(
          "invalid setting bridge.admin.governance.keystore: no file " + file.keystore());
    }
    Result<Password> password = Password.fromFile(file.passwordFile());
    if (!password.isOk()) {
      throw new IllegalStateException(
          "invalid setting bridge.admin.governance.password-file: cannot read "
              + file.passwordFile());
    }
    try (Password p = password.orThrow()) {
      Result<IdentityKeystore> contents = Keystore.readIdentity(file.keystore(), p);
      if (!contents.isOk()) {
        throw new IllegalStateException(
            "invalid setting bridge.admin.governance.keystore: "
                + ((Result.Err<IdentityKeystore>) contents).detail());
      }
      this.key = contents.orThrow().identity();
    }
  }

  public IdentityPublicKey publicKey() {
    return key.publicKey();
  }

  /** ECDSA (RFC 6979, low s) over a 32-byte hash. */
  public byte[] sign(Bytes32 hash) {
    return key.sign(hash);
  }

  @Override
  public void close() {
    key.close();
  }

  @Override
  public String toString() {
    return "GovernanceKey(" + key.publicKey() + ")";
  }
}
