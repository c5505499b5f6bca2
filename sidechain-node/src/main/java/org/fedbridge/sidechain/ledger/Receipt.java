package org.fedbridge.sidechain.ledger;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.fedbridge.core.types.Bytes32;
import org.fedbridge.core.types.UInt256;
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
    UInt256 effectiveGasPrice,
    List<LogEntry> logs,
    byte[] logsBloom) {

  public Receipt {
    logs = List.copyOf(logs);
    logsBloom = logsBloom.clone();
  }

  @Override
  public byte[] logsBloom() {
    return logsBloom.clone();
  }

  /** The same receipt with other logs (the store keeps logs in their own table). */
  public Receipt withLogs(List<LogEntry> other) {
    return new Receipt(success, gasUsed, cumulativeGasUsed, effectiveGasPrice, other, logsBloom);
  }

  byte[] encode(Bytes32 txHash) {
    List<byte[]> ls = new ArrayList<>();
    for (LogEntry l : logs) {
      ls.add(l.encode());
    }
    return Rlp.list(
        Rlp.string(txHash.bytes()),
        Rlp.uint(success ? 1 : 0),
        Rlp.uint(cumulativeGasUsed),
        Rlp.uint(gasUsed),
        Rlp.uint(effectiveGasPrice),
        Rlp.list(ls));
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Receipt r
        && success == r.success
        && gasUsed == r.gasUsed
        && cumulativeGasUsed == r.cumulativeGasUsed
        && effectiveGasPrice.equals(r.effectiveGasPrice)
        && logs.equals(r.logs)
        && Arrays.equals(logsBloom, r.logsBloom);
  }

  @Override
  public int hashCode() {
    return Long.hashCode(cumulativeGasUsed) * 31 + logs.hashCode();
  }

  @Override
  public String toString() {
    return "Receipt[" + (success ? "success" : "reverted") + " gas " + gasUsed + " " + logs + "]";
  }
}
