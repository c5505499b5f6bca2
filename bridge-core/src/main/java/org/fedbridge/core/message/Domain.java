package org.fedbridge.core.message;

import org.fedbridge.core.types.Address;
import org.fedbridge.core.types.UInt256;

/**
 * The words every digest starts with after its TYPE: L1 chain id, vault address, sidechain id and
 * the signing federation's (current) epoch. They keep a certificate from being replayed across
 * chains, deployments or epochs.
 */
public record Domain(UInt256 l1ChainId, Address vault, UInt256 sidechainId, UInt256 epoch) {
  public Domain {
    if (l1ChainId == null || vault == null || sidechainId == null || epoch == null) {
      throw new IllegalArgumentException("domain fields must not be null");
    }
  }

  /** {@code abi.encode(TYPE, l1ChainId, vault, sidechainId, epoch, …)} starts here. */
  AbiEncoder encoder(MessageType type) {
    return new AbiEncoder()
        .bytes32(type.typeHash())
        .uint(l1ChainId)
        .address(vault)
        .uint(sidechainId)
        .uint(epoch);
  }
}
