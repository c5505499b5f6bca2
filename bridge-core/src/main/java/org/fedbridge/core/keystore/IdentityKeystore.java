package org.fedbridge.core.keystore;

import org.fedbridge.core.dkg.IdentityKey;
import org.fedbridge.core.types.OperatorId;

/**
 * What an identity keystore file holds: a member's long-term secp256k1 identity key and its
 * operator id. It is the only secret a member has before its first DKG (which encrypts its share to
 * this key). Closing zeroes the key; {@code toString} redacts it.
 */
public record IdentityKeystore(String operatorId, IdentityKey identity) implements AutoCloseable {
  public IdentityKeystore {
    OperatorId.check(operatorId).orThrow();
    if (identity == null) {
      throw new IllegalArgumentException("an identity keystore needs the identity key");
    }
  }

  @Override
  public void close() {
    identity.close();
  }

  @Override
  public String toString() {
    return "IdentityKeystore(" + operatorId + ", " + identity + ")";
  }
}
