package org.fedbridge.core.message;

import org.fedbridge.core.types.Address;
import org.fedbridge.core.types.Bytes32;
import org.fedbridge.core.types.Keccak;
import org.fedbridge.core.types.UInt256;

/** Governance: register or change a token's limits. */
public record TokenConfig(
    UInt256 governanceNonce,
    Address token,
    boolean registered,
    UInt256 periodLimit,
    UInt256 periodSeconds,
    UInt256 delayThreshold,
    UInt256 delaySeconds)
    implements SignedMessage {

  @Override
  public MessageType type() {
    return MessageType.TOKEN_CONFIG;
  }

  @Override
  public Bytes32 digest(Domain domain) {
    return Keccak.hash(
        domain
            .encoder(type())
            .uint(governanceNonce)
            .address(token)
            .bool(registered)
            .uint(periodLimit)
            .uint(periodSeconds)
            .uint(delayThreshold)
            .uint(delaySeconds)
            .toBytes());
  }
}
