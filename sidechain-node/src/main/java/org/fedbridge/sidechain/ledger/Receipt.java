package org.fedbridge.sidechain.ledger;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import org.fedbridge.sidechain.tx.Rlp;

/**
 * The outcome of an included transaction.
 *
 * @param success status 1 (success) or 0 (reverted: only the nonce and the fee were applied)
 * @param cumulativeGasUsed gas used in the block up to and including this transaction
 * @param effectiveGasPrice the price per gas charged (the fixed base fee)
 * @param logsBloom 256 bytes
 */
public record Receipt(
    boolean success,
    long gasUsed,
    long cumulativeGasUsed,
    BigInteger effectiveGasPrice,
    List<LogEntry> logs,
    byte[] logsBloom) {

  byte[] encode(byte[] txHash) {
    List<byte[]> ls = new ArrayList<>();
    for (LogEntry l : logs) {
      ls.add(l.encode());
    }
    return Rlp.list(
        Rlp.string(txHash),
        Rlp.uint(success ? 1 : 0),
        Rlp.uint(cumulativeGasUsed),
        Rlp.uint(gasUsed),
        Rlp.uint(effectiveGasPrice),
        Rlp.list(ls));
  }
}
