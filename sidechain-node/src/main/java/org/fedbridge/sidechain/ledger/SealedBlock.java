package org.fedbridge.sidechain.ledger;

import java.util.Map;

/**
 * A block ready to be stored: the block, its state changes ({@code null} value = deleted entry),
 * and the log position to resume from once it is stored.
 */
public record SealedBlock(Block block, Map<StateKey, byte[]> stateChanges, long nextOffset) {}
