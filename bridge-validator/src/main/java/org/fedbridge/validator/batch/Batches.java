package org.fedbridge.validator.batch;

import java.util.Optional;
import org.fedbridge.core.message.MessageType;
import org.fedbridge.core.types.UInt256;

/** The batches this validator observed itself (from its own L1 node and sidechain replica). */
public interface Batches {
  /** The batch of that type and id if this validator has observed it as safe, else empty. */
  Optional<ObservedBatch> find(MessageType type, UInt256 batchId);
}
