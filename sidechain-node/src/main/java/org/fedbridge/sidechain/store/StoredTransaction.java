package org.fedbridge.sidechain.store;

import java.util.List;
import org.fedbridge.core.types.Bytes32;
import org.fedbridge.sidechain.ledger.ExecutedTransaction;

/** A transaction with its block, its receipt and the receipt's logs. */
public record StoredTransaction(
    long blockNumber, Bytes32 blockHash, ExecutedTransaction executed, List<StoredLog> logs) {
  public StoredTransaction {
    logs = List.copyOf(logs);
  }
}
