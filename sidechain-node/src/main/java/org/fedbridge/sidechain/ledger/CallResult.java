package org.fedbridge.sidechain.ledger;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import org.fedbridge.core.message.Withdrawal;
import org.fedbridge.core.types.Hex;

/**
 * What a call did: its outcome, the return (or revert) data, the gas on top of the intrinsic gas,
 * and its logs and withdrawals (empty unless it succeeded).
 */
public record CallResult(
    Outcome outcome,
    byte[] returnData,
    long executionGas,
    List<LogEntry> logs,
    List<Withdrawal> withdrawals,
    String revertReason) {

  /** How a call ended. */
  public enum Outcome {
    SUCCESS,
    /** The contract refused (Solidity's {@code require}); {@code revertReason} says why. */
    REVERTED,
    /** The value sent exceeds the caller's balance (geth: "insufficient funds for transfer"). */
    INSUFFICIENT_BALANCE
  }

  public CallResult {
    returnData = returnData.clone();
    logs = List.copyOf(logs);
    withdrawals = List.copyOf(withdrawals);
  }

  @Override
  public byte[] returnData() {
    return returnData.clone();
  }

  public boolean success() {
    return outcome == Outcome.SUCCESS;
  }

  static CallResult ok(byte[] data, long gas, List<LogEntry> logs, List<Withdrawal> withdrawals) {
    return new CallResult(Outcome.SUCCESS, data, gas, logs, withdrawals, null);
  }

  static CallResult revert(String reason, long gas) {
    return new CallResult(
        Outcome.REVERTED, Abi.revertReason(reason), gas, List.of(), List.of(), reason);
  }

  static CallResult insufficientBalance() {
    String reason = "insufficient balance for transfer";
    return new CallResult(
        Outcome.INSUFFICIENT_BALANCE, Abi.revertReason(reason), 0, List.of(), List.of(), reason);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof CallResult c
        && outcome == c.outcome
        && Arrays.equals(returnData, c.returnData)
        && executionGas == c.executionGas
        && logs.equals(c.logs)
        && withdrawals.equals(c.withdrawals)
        && Objects.equals(revertReason, c.revertReason);
  }

  @Override
  public int hashCode() {
    return Objects.hash(outcome, Arrays.hashCode(returnData), executionGas);
  }

  @Override
  public String toString() {
    return "CallResult[" + outcome + " " + Hex.encode(returnData) + "]";
  }
}
