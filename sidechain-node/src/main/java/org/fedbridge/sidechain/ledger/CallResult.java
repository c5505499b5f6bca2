package org.fedbridge.sidechain.ledger;

import java.util.List;
import org.fedbridge.core.message.Withdrawal;

/**
 * What a call did: success or revert, the return (or revert) data, the gas on top of the intrinsic
 * gas, and its logs and withdrawals (empty on revert).
 */
public record CallResult(
    boolean success,
    byte[] returnData,
    long executionGas,
    List<LogEntry> logs,
    List<Withdrawal> withdrawals,
    String revertReason) {

  static CallResult ok(byte[] data, long gas, List<LogEntry> logs, List<Withdrawal> withdrawals) {
    return new CallResult(true, data, gas, List.copyOf(logs), List.copyOf(withdrawals), null);
  }

  static CallResult revert(String reason, long gas) {
    return new CallResult(false, Abi.revertReason(reason), gas, List.of(), List.of(), reason);
  }
}
