package org.fedbridge.sidechain.ledger;

/**
 * A read of a past block's state that left the history window while it ran (a new block pruned it).
 * Rare: the caller checked the window first; JSON-RPC answers it like a block outside the window.
 */
public final class HistoricalStateUnavailable extends RuntimeException {
  public HistoricalStateUnavailable(long block) {
    super("historical state of block " + block + " is no longer kept", null, false, false);
  }
}
