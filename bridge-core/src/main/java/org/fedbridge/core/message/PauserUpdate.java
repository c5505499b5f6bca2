package org.fedbridge.core.message;

import org.fedbridge.core.types.Address;
import org.fedbridge.core.types.Bytes32;
import org.fedbridge.core.types.Keccak;
import org.fedbridge.core.types.UInt256;

/** Governance: grant or revoke the pauser role. */
public record PauserUpdate(UInt256 governanceNonce, Address pauser, boolean enabled)
    implements SignedMessage {

  @Override
  public MessageType type() {
    return MessageType.PAUSER_UPDATE;
  }

  @Override
  public Bytes32 digest(Domain domain) {
    return Keccak.hash(
        domain.encoder(type()).uint(governanceNonce).address(pauser).bool(enabled).toBytes());
  }
}
