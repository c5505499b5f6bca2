package org.fedbridge.sidechain.ledger;

import java.math.BigInteger;
import java.util.List;
import org.fedbridge.core.message.Withdrawal;
import org.fedbridge.core.types.Address;
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
public final class Executor {
  /** Largest gas limit a transaction may ask for. */
  public static final long MAX_TX_GAS = 30_000_000L;

  private final long chainId;
  private final BigInteger baseFee;
  private final TokenRegistry tokens;

  public Executor(long chainId, BigInteger baseFee, TokenRegistry tokens) {
    this.chainId = chainId;
    this.baseFee = baseFee;
    this.tokens = tokens;
  }

  public BigInteger baseFee() {
    return baseFee;
  }

  public long chainId() {
    return chainId;
  }

  public TokenRegistry tokens() {
    return tokens;
  }

  /** Included (with its outcome) or dropped. */
  public sealed interface Outcome {
    record Included(
        boolean success, long gasUsed, List<LogEntry> logs, List<Withdrawal> withdrawals)
        implements Outcome {}

    record Dropped(TxRejected reason) implements Outcome {}
  }

  /**
   * Checks what does not depend on the call's outcome. {@code expectedNonce} is the nonce the
   * sender must use ({@code null}: the state's nonce, and a higher one is refused too).
   */
  public TxRejected checkValid(SignedTransaction tx, State st, Long expectedNonce) {
    if (tx.chainId() != chainId) {
      return TxRejected.of(TxError.WRONG_CHAIN_ID, "have " + tx.chainId() + " want " + chainId);
    }
    if (tx.to() == null) {
      return TxRejected.of(TxError.CONTRACT_CREATION);
    }
    if (tx.gasLimit() > MAX_TX_GAS) {
      return TxRejected.of(TxError.GAS_LIMIT);
    }
    long intrinsic = tx.intrinsicGas();
    if (tx.gasLimit() < intrinsic) {
      return TxRejected.of(
          TxError.INTRINSIC_GAS, "gas " + tx.gasLimit() + ", minimum needed " + intrinsic);
    }
    if (tx.maxFeePerGas().compareTo(baseFee) < 0) {
      return TxRejected.of(
          TxError.FEE_CAP_TOO_LOW,
          "address "
              + tx.sender()
              + ", maxFeePerGas: "
              + tx.maxFeePerGas()
              + ", baseFee: "
              + baseFee);
    }
    State.Account acc = st.account(tx.sender());
    long next = expectedNonce == null ? acc.nonce() : expectedNonce;
    if (tx.nonce() < acc.nonce()) {
      return TxRejected.of(
          TxError.NONCE_TOO_LOW,
          "address " + tx.sender() + ", tx: " + tx.nonce() + " state: " + acc.nonce());
    }
    if (expectedNonce == null && tx.nonce() > next) {
      return TxRejected.of(
          TxError.NONCE_TOO_HIGH,
          "address " + tx.sender() + ", tx: " + tx.nonce() + " state: " + next);
    }
    if (tx.nonce() == Long.MAX_VALUE) {
      return TxRejected.of(TxError.NONCE_TOO_HIGH, "nonce has max value");
    }
    BigInteger want = tx.maxCost();
    if (acc.balance().compareTo(want) < 0) {
      return TxRejected.of(
          TxError.INSUFFICIENT_FUNDS,
          "address " + tx.sender() + " have " + acc.balance() + " want " + want);
    }
    return null;
  }

  public Outcome execute(SignedTransaction tx, Overlay block) {
    State st = new State(block);
    TxRejected invalid = checkValid(tx, st, null);
    if (invalid != null) {
      return new Outcome.Dropped(invalid);
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
    BigInteger fee = baseFee.multiply(BigInteger.valueOf(gasUsed));
    st.setAccount(tx.sender(), new State.Account(acc.nonce() + 1, acc.balance().subtract(fee)));
    return success
        ? new Outcome.Included(true, gasUsed, r.logs(), r.withdrawals())
        : new Outcome.Included(false, gasUsed, List.of(), List.of());
  }

  /** An {@code eth_call}: runs on a throw-away overlay of {@code view}. */
  public CallResult call(StateView view, Address from, Address to, BigInteger value, byte[] data) {
    return run(new State(new Overlay(view)), from, to, value, data);
  }

  /** The intrinsic gas of a call with this data (no access list). */
  public static long intrinsicGas(byte[] data) {
    long gas = 21_000;
    for (byte b : data) {
      gas += b == 0 ? 4 : 16;
    }
    return gas;
  }

  /** Whether {@code a} answers calls (a token or the bridge): what eth_getCode reports. */
  public boolean isContract(Address a) {
    return a.equals(BridgeContract.ADDRESS) || tokens.atSidechain(a) != null;
  }

  private CallResult run(State st, Address from, Address to, BigInteger value, byte[] data) {
    Token token = tokens.atSidechain(to);
    if (token != null) {
      return TokenContract.call(st, token, from, value, data);
    }
    if (value.signum() > 0) {
      State.Account sender = st.account(from);
      if (sender.balance().compareTo(value) < 0) {
        return CallResult.revert("insufficient balance for transfer", 0);
      }
      st.setAccount(from, new State.Account(sender.nonce(), sender.balance().subtract(value)));
    }
    if (to.equals(BridgeContract.ADDRESS)) {
      return BridgeContract.call(st, tokens, from, value, data);
    }
    if (value.signum() > 0) {
      State.Account recipient = st.account(to);
      BigInteger credited = recipient.balance().add(value);
      if (!Words.fitsUint256(credited)) {
        return CallResult.revert("balance overflow", 0);
      }
      st.setAccount(to, new State.Account(recipient.nonce(), credited));
    }
    return CallResult.ok(new byte[0], 0, List.of(), List.of());
  }
}
