package org.fedbridge.sidechain.ledger;

import java.math.BigInteger;
import java.util.List;
import org.fedbridge.core.message.Withdrawal;
import org.fedbridge.core.types.Address;
import org.fedbridge.core.types.UInt256;
import org.fedbridge.sidechain.genesis.Token;
import org.fedbridge.sidechain.tx.SignedTransaction;
import org.fedbridge.sidechain.tx.TxError;
import org.fedbridge.sidechain.tx.TxRejected;

/**
 * Executes transactions deterministically. Validity (nonce, fees, funds, gas) is checked first; an
 * invalid transaction is dropped and never enters a block. A valid one always pays its fee and
 * bumps the nonce; its call either succeeds or reverts (status 0) without other effects.
 *
 * <p>Gas: the intrinsic gas (21,000 + EIP-2028 calldata + EIP-2930 access list), plus {@value
 * TokenContract#CALL_GAS} for a token call or {@value BridgeContract#CALL_GAS} for a withdrawal. A
 * gas limit below the total is an out-of-gas revert that uses the whole limit. The fee is {@code
 * gasUsed × baseFee}, burnt; there is no block producer to tip, so priority fees are not charged.
 */
final class Executor {
  /** Largest gas limit a transaction may ask for. */
  static final long MAX_TX_GAS = 30_000_000L;

  private final long chainId;
  private final UInt256 baseFee;
  private final TokenRegistry tokens;
  private final WithdrawalRules withdrawals;

  Executor(long chainId, UInt256 baseFee, TokenRegistry tokens, WithdrawalRules withdrawals) {
    this.chainId = chainId;
    this.baseFee = baseFee;
    this.tokens = tokens;
    this.withdrawals = withdrawals;
  }

  UInt256 baseFee() {
    return baseFee;
  }

  /** Included (with its outcome) or dropped. */
  sealed interface Outcome {
    record Included(
        boolean success, long gasUsed, List<LogEntry> logs, List<Withdrawal> withdrawals)
        implements Outcome {}

    record Dropped(TxRejected reason) implements Outcome {}
  }

  /** Whether {@code tx} may execute now: its nonce must be the sender's next one. */
  Validity checkExecutable(SignedTransaction tx, State st) {
    Validity fixed = checkFixed(tx);
    if (fixed instanceof Validity.Invalid) {
      return fixed;
    }
    State.Account acc = st.account(tx.sender());
    if (tx.nonce() > acc.nonce()) {
      return invalid(
          TxError.NONCE_TOO_HIGH,
          "address " + tx.sender() + ", tx: " + tx.nonce() + " state: " + acc.nonce());
    }
    return checkAgainst(tx, acc);
  }

  /**
   * Whether {@code tx} may execute once the sender's earlier nonces have: everything but a nonce
   * ahead of the state's, which admission holds back until the gap closes.
   */
  Validity checkAdmissible(SignedTransaction tx, State st) {
    Validity fixed = checkFixed(tx);
    if (fixed instanceof Validity.Invalid) {
      return fixed;
    }
    Validity funded = checkAgainst(tx, st.account(tx.sender()));
    if (funded instanceof Validity.Invalid) {
      return funded;
    }
    if (tx.to().equals(BridgeContract.ADDRESS)) {
      // Execution would revert it too; refusing it here tells the user why, before any fee.
      var unpayable =
          BridgeContract.unpayable(withdrawals, tokens, st.view(), tx.value(), tx.data());
      if (unpayable.isPresent()) {
        return invalid(TxError.WITHDRAWAL_REFUSED, unpayable.get());
      }
    }
    return Validity.VALID;
  }

  /** A nonce not yet used, and the funds for the worst case. */
  private static Validity checkAgainst(SignedTransaction tx, State.Account acc) {
    if (tx.nonce() < acc.nonce()) {
      return invalid(
          TxError.NONCE_TOO_LOW,
          "address " + tx.sender() + ", tx: " + tx.nonce() + " state: " + acc.nonce());
    }
    if (tx.nonce() == Long.MAX_VALUE) {
      return invalid(TxError.NONCE_TOO_HIGH, "nonce has max value");
    }
    BigInteger want = tx.maxCost();
    if (acc.balance().value().compareTo(want) < 0) {
      return invalid(
          TxError.INSUFFICIENT_FUNDS,
          "address " + tx.sender() + " have " + acc.balance() + " want " + want);
    }
    return Validity.VALID;
  }

  /** What does not depend on the state: chain, recipient, gas, fee cap. */
  private Validity checkFixed(SignedTransaction tx) {
    if (tx.chainId() != chainId) {
      return invalid(TxError.WRONG_CHAIN_ID, "have " + tx.chainId() + " want " + chainId);
    }
    if (tx.to() == null) {
      return invalid(TxError.CONTRACT_CREATION, null);
    }
    if (tx.gasLimit() > MAX_TX_GAS) {
      return invalid(TxError.GAS_LIMIT, null);
    }
    long intrinsic = tx.intrinsicGas();
    if (tx.gasLimit() < intrinsic) {
      return invalid(
          TxError.INTRINSIC_GAS, "gas " + tx.gasLimit() + ", minimum needed " + intrinsic);
    }
    if (tx.maxFeePerGas().compareTo(baseFee) < 0) {
      return invalid(
          TxError.FEE_CAP_TOO_LOW,
          "address "
              + tx.sender()
              + ", maxFeePerGas: "
              + tx.maxFeePerGas()
              + ", baseFee: "
              + baseFee);
    }
    return Validity.VALID;
  }

  private static Validity invalid(TxError error, String detail) {
    return new Validity.Invalid(TxRejected.of(error, detail));
  }

  Outcome execute(SignedTransaction tx, Overlay block) {
    State st = new State(block);
    if (checkExecutable(tx, st) instanceof Validity.Invalid invalid) {
      return new Outcome.Dropped(invalid.rejection());
    }
    long intrinsic = tx.intrinsicGas();
    Overlay callState = new Overlay(block);
    CallResult r = run(new State(callState), tx.sender(), tx.to(), tx.value(), tx.data());
    long gasUsed = intrinsic + r.executionGas();
    boolean success = r.success() && gasUsed <= tx.gasLimit();
    if (success) {
      callState.commitTo(block);
    } else if (gasUsed > tx.gasLimit()) {
      gasUsed = tx.gasLimit(); // out of gas uses the whole limit
    }
    State.Account acc = st.account(tx.sender());
    // Cannot go below zero: the balance covers gasLimit × maxFeePerGas ≥ gasUsed × baseFee.
    UInt256 fee = new UInt256(baseFee.value().multiply(BigInteger.valueOf(gasUsed)));
    st.setAccount(
        tx.sender(), new State.Account(acc.nonce() + 1, Amounts.subtract(acc.balance(), fee)));
    return success
        ? new Outcome.Included(true, gasUsed, r.logs(), r.withdrawals())
        : new Outcome.Included(false, gasUsed, List.of(), List.of());
  }

  /** An {@code eth_call}: runs on a throw-away overlay of {@code view}. */
  CallResult call(StateView view, Address from, Address to, UInt256 value, byte[] data) {
    return run(new State(new Overlay(view)), from, to, value, data);
  }

  /** The intrinsic gas of a call with this data (no access list). */
  static long intrinsicGas(byte[] data) {
    long gas = 21_000;
    for (byte b : data) {
      gas += b == 0 ? 4 : 16;
    }
    return gas;
  }

  /** Whether {@code a} answers calls (a token or the bridge): what eth_getCode reports. */
  boolean isContract(StateView view, Address a) {
    return a.equals(BridgeContract.ADDRESS) || tokens.atSidechain(view, a) != null;
  }

  private CallResult run(State st, Address from, Address to, UInt256 value, byte[] data) {
    Token token = tokens.atSidechain(st.view(), to);
    if (token != null) {
      return TokenContract.call(st, token, from, value, data);
    }
    boolean paying = value.value().signum() > 0;
    if (paying) {
      State.Account sender = st.account(from);
      if (!Amounts.covers(sender.balance(), value)) {
        return CallResult.insufficientBalance();
      }
      st.setAccount(
          from, new State.Account(sender.nonce(), Amounts.subtract(sender.balance(), value)));
    }
    if (to.equals(BridgeContract.ADDRESS)) {
      return BridgeContract.call(st, tokens, withdrawals, from, value, data);
    }
    if (paying) {
      State.Account recipient = st.account(to);
      var credited = Amounts.plus(recipient.balance(), value);
      if (credited.isEmpty()) {
        return CallResult.revert("balance overflow", 0);
      }
      st.setAccount(to, new State.Account(recipient.nonce(), credited.get()));
    }
    return CallResult.ok(new byte[0], 0, List.of(), List.of());
  }
}
