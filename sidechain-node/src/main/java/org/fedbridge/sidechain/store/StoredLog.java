package org.fedbridge.sidechain.store;

import org.fedbridge.core.types.Bytes32;
import org.fedbridge.sidechain.ledger.LogEntry;

/** A log with its position in the chain. */
public record StoredLog(
    long blockNumber, Bytes32 blockHash, int logIndex, Bytes32 txHash, int txIndex, LogEntry log) {}
