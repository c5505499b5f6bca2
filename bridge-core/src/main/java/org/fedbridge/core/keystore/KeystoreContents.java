package org.fedbridge.core.keystore;

import org.fedbridge.core.dkg.IdentityKey;
import org.fedbridge.core.threshold.SecretShare;

/**
 * What a member's keystore holds: its secret share (with index) for one epoch, its identity key,
 * and its operator id. Closing zeroes both secrets; {@code toString} redacts them.
 */
public record KeystoreContents(
    long epoch, String operatorId, SecretShare share, IdentityKey identity)
    implements AutoCloseable {

  @Override
  public void close() {
    share.close();
    identity.close();
  }

  @Override
  public String toString() {
    return "KeystoreContents(epoch "
        + epoch
        + ", "
        + operatorId
        + ", share "
        + share.index()
        + " <redacted>, identity "
        + identity.publicKey()
        + ")";
  }
}
