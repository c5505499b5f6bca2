package org.fedbridge.core.message;

import org.fedbridge.core.types.Bytes32;
import org.fedbridge.core.types.Keccak;
import org.fedbridge.core.types.UInt256;

/** Governance: lift a pause (only the federation can). */
public record Unpause(UInt256 governanceNonce) implements SignedMessage {

  @Override
  public MessageType type() {
    return MessageType.UNPAUSE;
  }

  @Override
  public Bytes32 digest(Domain domain) {
    return Keccak.hash(domain.encoder(type()).uint(governanceNonce).toBytes());
  }
}
