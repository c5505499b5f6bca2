package org.fedbridge.core.wire;

import org.fedbridge.core.message.MessageType;

/**
 * Names one signed message: its type and batch id (the L1 block number of a {@code DepositBatch},
 * the sidechain block number of a {@code WithdrawalBatch}).
 */
public record BatchRef(MessageType type, long batchId) {
  public BatchRef {
    if (type == null || batchId < 0) {
      throw new IllegalArgumentException("batch ref needs a type and a batch id >= 0");
    }
    WireFormat.code(type);
  }
}
