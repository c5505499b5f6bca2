package org.fedbridge.sidechain.ledger;

import java.util.List;
import org.fedbridge.core.message.Withdrawal;
import org.fedbridge.core.types.Bytes32;

/**
 * A sealed block: header, hash, transactions with receipts, and the withdrawals it requested (in
 * the order of the withdrawal tree's leaves).
 */
public record Block(
    BlockHeader header,
    Bytes32 hash,
    List<ExecutedTransaction> transactions,
    List<Withdrawal> withdrawals) {
  public Block {
    transactions = List.copyOf(transactions);
    withdrawals = List.copyOf(withdrawals);
  }

  public long number() {
    return header.number();
  }
}
