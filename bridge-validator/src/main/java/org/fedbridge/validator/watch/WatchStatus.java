package org.fedbridge.validator.watch;

import java.util.Optional;

/**
 * Where this validator's watchers are, for heartbeats, metrics and readiness. Block numbers are -1
 * until first known.
 */
public interface WatchStatus {
  long l1Head();

  /** Highest L1 block the finality rule allows ({@code finalized}, or head minus confirmations). */
  long l1SafeHead();

  /** Last safe L1 block whose deposits are fully stored. */
  long l1Cursor();

  long sidechainHead();

  /** Last sidechain block whose withdrawals are fully stored. */
  long sidechainCursor();

  /**
   * Why signing is halted (a reorg below the safe head, an unexplained hash discontinuity, a root
   * that does not match the replica), or empty while it runs.
   */
  Optional<String> haltReason();
}
