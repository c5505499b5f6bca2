package org.fedbridge.relayer.chain;

import org.fedbridge.core.message.Domain;
import org.fedbridge.core.types.Address;
import org.fedbridge.core.types.UInt256;

/**
 * The words every digest of this bridge deployment starts with: the relayer verifies certificates
 * and partials under them, never under what a Kafka record claims.
 */
public record BridgeDomain(long l1ChainId, Address vault, long sidechainId) {

  /** The domain of the federation epoch {@code epoch}. */
  public Domain at(long epoch) {
    return new Domain(UInt256.of(l1ChainId), vault, UInt256.of(sidechainId), UInt256.of(epoch));
  }
}
