package org.fedbridge.core.keystore;

import org.fedbridge.core.bls.PublicKey;
import org.fedbridge.core.dkg.IdentityPublicKey;
import org.fedbridge.core.threshold.SecretShare;
import org.fedbridge.core.types.Bytes32;
import org.fedbridge.core.types.OperatorId;

/**
 * What a share keystore file holds: one member's BLS key share of one epoch, with the public facts
 * that say what it is for (the DKG session that made it, the group key and threshold, and the
 * identity key of the member that owns it). Closing zeroes the share; {@code toString} redacts it.
 */
public record ShareKeystore(
    long epoch,
    String operatorId,
    Bytes32 sessionId,
    PublicKey groupKey,
    int threshold,
    IdentityPublicKey owner,
    SecretShare share)
    implements AutoCloseable {
  public ShareKeystore {
    OperatorId.check(operatorId).orThrow();
    if (epoch < 0 || threshold < 1 || sessionId == null || groupKey == null || owner == null) {
      throw new IllegalArgumentException("share keystore fields are missing or out of range");
    }
    if (share == null) {
      throw new IllegalArgumentException("a share keystore needs the share");
    }
  }

  @Override
  public void close() {
    share.close();
  }

  @Override
  public String toString() {
    return "ShareKeystore(epoch "
        + epoch
        + ", "
        + operatorId
        + ", share "
        + share.index()
        + " <redacted>, session "
        + sessionId
        + ")";
  }
}
