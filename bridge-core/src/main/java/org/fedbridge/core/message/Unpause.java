package org.fedbridge.core.message;

import org.fedbridge.core.types.Bytes32;
import org.fedbridge.core.types.Keccak;
import org.fedbridge.core.types.UInt256;

/**
 * Governance: lift one pause (only the federation can). {@code pauseCount} is the vault's count of
 * pauses when the certificate is made: it lifts that pause and no later one.
 */
public record Unpause(UInt256 governanceNonce, UInt256 pauseCount) implements SignedMessage {

  public Unpause {
    if (governanceNonce == null || pauseCount == null) {
      throw new IllegalArgumentException("Unpause fields must not be null");
    }
  }

  @Override
  public MessageType type() {
    return MessageType.UNPAUSE;
  }

  @Override
  public Bytes32 digest(Domain domain) {
    // SECURITY: binds the pause count, so an unpause made for one pause cannot lift a later one.
    return Keccak.hash(domain.encoder(type()).uint(governanceNonce).uint(pauseCount).toBytes());
  }
}
