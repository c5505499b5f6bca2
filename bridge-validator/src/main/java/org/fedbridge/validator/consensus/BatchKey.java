package org.fedbridge.validator.consensus;

import org.fedbridge.core.message.MessageType;
import org.fedbridge.core.types.UInt256;

/**
 * One batch to certify in one epoch: the federation of {@code epoch} signs at most one digest for
 * it. A batch left uncertified across an epoch change is signed again under the new epoch, which
 * makes a new key.
 *
 * @param type the signed message type
 * @param batchId L1 block number (deposits), sidechain block number (withdrawals)
 * @param epoch the signing federation's epoch
 */
public record BatchKey(MessageType type, UInt256 batchId, long epoch) {
  public BatchKey {
    if (type == null || batchId == null || epoch < 0) {
      throw new IllegalArgumentException("batch key needs a type, a batch id and an epoch >= 0");
    }
  }

  @Override
  public String toString() {
    return type + "#" + batchId + "@" + epoch;
  }
}
