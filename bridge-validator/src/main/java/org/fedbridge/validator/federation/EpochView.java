package org.fedbridge.validator.federation;

import java.util.Map;
import java.util.OptionalInt;
import org.fedbridge.core.dkg.IdentityPublicKey;
import org.fedbridge.core.message.Domain;
import org.fedbridge.core.threshold.ThresholdVerifier;

/**
 * One epoch's federation as this validator knows it.
 *
 * @param epoch the epoch number
 * @param domain the digest domain of this epoch (L1 chain id, vault, sidechain id, epoch)
 * @param verifier group key and member set (share keys, threshold), checked once per epoch
 * @param identities each member index's identity key, to authenticate its Kafka records
 * @param myIndex this validator's share index in the epoch, empty when it is not a member
 */
public record EpochView(
    long epoch,
    Domain domain,
    ThresholdVerifier verifier,
    Map<Integer, IdentityPublicKey> identities,
    OptionalInt myIndex) {
  public EpochView {
    identities = Map.copyOf(identities);
  }

  public int threshold() {
    return verifier.members().threshold();
  }
}
