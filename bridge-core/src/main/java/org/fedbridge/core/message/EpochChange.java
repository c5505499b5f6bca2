package org.fedbridge.core.message;

import org.fedbridge.core.bls.PublicKey;
import org.fedbridge.core.threshold.MemberSet;
import org.fedbridge.core.types.Bytes32;
import org.fedbridge.core.types.Keccak;
import org.fedbridge.core.types.UInt256;

/**
 * Hand-over to the next federation: {@code keccak256(abi.encode(TYPE, domain…, newEpoch,
 * keccak256(newGroupKey), threshold, memberCount, membersHash))}, with {@code newGroupKey} in the
 * 256-byte EIP-2537 form. The member set carries a threshold that {@code ThresholdPolicy} allowed.
 */
public record EpochChange(UInt256 newEpoch, PublicKey newGroupKey, MemberSet members)
    implements SignedMessage {

  public EpochChange {
    if (newEpoch == null || newGroupKey == null || members == null) {
      throw new IllegalArgumentException("EpochChange fields must not be null");
    }
  }

  @Override
  public MessageType type() {
    return MessageType.EPOCH_CHANGE;
  }

  /**
   * The digest under {@code domain}.
   *
   * @throws IllegalArgumentException if {@code newEpoch != domain.epoch + 1}: only the current
   *     federation hands over, and only to the next epoch
   */
  @Override
  public Bytes32 digest(Domain domain) {
    // SECURITY: an EpochChange is signed by the current epoch for exactly the next one.
    if (!newEpoch.equals(domain.epoch().increment())) {
      throw new IllegalArgumentException(
          "newEpoch " + newEpoch + " is not domain epoch + 1 (" + domain.epoch() + " + 1)");
    }
    return Keccak.hash(
        domain
            .encoder(type())
            .uint(newEpoch)
            .bytes32(Keccak.hash(newGroupKey.toEip2537()))
            .uint(members.threshold())
            .uint(members.size())
            .bytes32(members.membersHash())
            .toBytes());
  }
}
