package org.fedbridge.sidechain.ledger;

import java.util.Map;

/**
 * A block ready to be stored: the block, its state changes ({@code null} value = deleted entry),
 * what those changes overwrote (for the history window; empty when the node keeps none), and the
 * log position to resume from once it is stored.
 */
public record SealedBlock(
    Block block,
    Map<StateKey, byte[]> stateChanges,
    Map<StateKey, byte[]> previousValues,
    long nextOffset) {}
