package org.fedbridge.validator.consensus;

import java.util.Optional;

/** What the consensus feature reports about itself (heartbeats, status API). */
public interface ConsensusStatus {
  /** The batch this member signed (and published) last, if any. */
  Optional<BatchKey> lastSigned();

  /** Batches with candidates held here, certified or not yet cleaned up. */
  int pendingBatches();

  /** Whether the consensus loop runs and has read the certificates written before it started. */
  boolean caughtUp();
}
