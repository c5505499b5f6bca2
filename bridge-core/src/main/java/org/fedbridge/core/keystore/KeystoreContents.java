package org.fedbridge.core.keystore;

import org.fedbridge.core.dkg.IdentityKey;
import org.fedbridge.core.threshold.SecretShare;

/**
 * What a member's keystore holds: its identity key, its operator id and, once a DKG has run, its
 * secret share (with index) for one epoch. Before the first DKG a member has only its identity key
 * ({@link #identityOnly}); the DKG encrypts its share to that key. Closing zeroes the secrets;
 * {@code toString} redacts them.
 *
 * @param share the epoch's share, or {@code null} for an identity-only keystore
 */
public record KeystoreContents(
    long epoch, String operatorId, SecretShare share, IdentityKey identity)
    implements AutoCloseable {

  public KeystoreContents {
    if (operatorId == null || operatorId.isBlank() || identity == null) {
      throw new IllegalArgumentException("keystore needs an operator id and an identity key");
    }
  }

  /** A keystore with the identity key only, before the member's first DKG. */
  public static KeystoreContents identityOnly(String operatorId, IdentityKey identity) {
    return new KeystoreContents(0, operatorId, null, identity);
  }

  public boolean hasShare() {
    return share != null;
  }

  @Override
  public void close() {
    if (share != null) {
      share.close();
    }
    identity.close();
  }

  @Override
  public String toString() {
    return "KeystoreContents(epoch "
        + epoch
        + ", "
        + operatorId
        + (share == null ? ", no share" : ", share " + share.index() + " <redacted>")
        + ", identity <redacted> "
        + identity.publicKey()
        + ")";
  }
}
