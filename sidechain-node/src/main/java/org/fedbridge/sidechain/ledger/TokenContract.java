package org.fedbridge.sidechain.ledger;

import java.util.List;
import org.fedbridge.core.types.Address;
import org.fedbridge.core.types.Bytes32;
import org.fedbridge.core.types.UInt256;
import org.fedbridge.sidechain.genesis.Token;

/**
 * A bridged ERC-20 answered natively (no EVM): {@code transfer}, {@code approve}, {@code
 * transferFrom} and the views {@code balanceOf}, {@code allowance}, {@code decimals}, {@code
 * symbol}, {@code name}, {@code totalSupply}, with the standard {@code Transfer} and {@code
 * Approval} logs (EIP-20). Only the bridge mints and burns.
 */
final class TokenContract {
  /** Gas charged for any token call on top of the intrinsic gas. */
  static final long CALL_GAS = 30_000;

  static final Bytes32 TRANSFER_TOPIC = Abi.topic("Transfer(address,address,uint256)");
  static final Bytes32 APPROVAL_TOPIC = Abi.topic("Approval(address,address,uint256)");

  private static final int TRANSFER = Abi.selector("transfer(address,uint256)");
  private static final int APPROVE = Abi.selector("approve(address,uint256)");
  private static final int TRANSFER_FROM = Abi.selector("transferFrom(address,address,uint256)");
  private static final int BALANCE_OF = Abi.selector("balanceOf(address)");
  private static final int ALLOWANCE = Abi.selector("allowance(address,address)");
  private static final int DECIMALS = Abi.selector("decimals()");
  private static final int SYMBOL = Abi.selector("symbol()");
  private static final int NAME = Abi.selector("name()");
  private static final int TOTAL_SUPPLY = Abi.selector("totalSupply()");

  private TokenContract() {}

  static CallResult call(State st, Token token, Address caller, UInt256 value, byte[] data) {
    if (value.value().signum() != 0) {
      return CallResult.revert("token is not payable", CALL_GAS);
    }
    long sel = Abi.selectorOf(data);
    if (sel == -1) {
      return CallResult.revert("unknown function", CALL_GAS);
    }
    int s = (int) sel;
    Address t = token.address();
    if (s == TRANSFER && Abi.hasWords(data, 2)) {
      Address to = Abi.addressArg(data, 0);
      if (to == null) {
        return CallResult.revert("bad address", CALL_GAS);
      }
      return move(st, t, caller, to, Abi.uintArg(data, 1));
    }
    if (s == TRANSFER_FROM && Abi.hasWords(data, 3)) {
      Address from = Abi.addressArg(data, 0);
      Address to = Abi.addressArg(data, 1);
      if (from == null || to == null) {
        return CallResult.revert("bad address", CALL_GAS);
      }
      UInt256 amount = Abi.uintArg(data, 2);
      UInt256 allowed = st.allowance(t, from, caller);
      if (!Amounts.covers(allowed, amount)) {
        return CallResult.revert("ERC20: insufficient allowance", CALL_GAS);
      }
      CallResult moved = move(st, t, from, to, amount);
      if (moved.success() && !allowed.value().equals(UInt256.MAX_VALUE)) {
        st.setAllowance(t, from, caller, Amounts.subtract(allowed, amount));
      }
      return moved;
    }
    if (s == APPROVE && Abi.hasWords(data, 2)) {
      Address spender = Abi.addressArg(data, 0);
      if (spender == null) {
        return CallResult.revert("bad address", CALL_GAS);
      }
      if (spender.equals(Address.ZERO)) {
        return CallResult.revert("ERC20: approve to the zero address", CALL_GAS);
      }
      UInt256 amount = Abi.uintArg(data, 1);
      st.setAllowance(t, caller, spender, amount);
      LogEntry log =
          new LogEntry(
              t,
              List.of(APPROVAL_TOPIC, new Bytes32(caller.toWord()), new Bytes32(spender.toWord())),
              amount.toWord());
      return CallResult.ok(Abi.bool(true), CALL_GAS, List.of(log), List.of());
    }
    if (s == BALANCE_OF && Abi.hasWords(data, 1)) {
      Address who = Abi.addressArg(data, 0);
      if (who == null) {
        return CallResult.revert("bad address", CALL_GAS);
      }
      return view(st.tokenBalance(t, who).toWord());
    }
    if (s == ALLOWANCE && Abi.hasWords(data, 2)) {
      Address owner = Abi.addressArg(data, 0);
      Address spender = Abi.addressArg(data, 1);
      if (owner == null || spender == null) {
        return CallResult.revert("bad address", CALL_GAS);
      }
      return view(st.allowance(t, owner, spender).toWord());
    }
    if (s == DECIMALS && Abi.hasWords(data, 0)) {
      return view(Words.uint(token.decimals()));
    }
    if (s == SYMBOL && Abi.hasWords(data, 0)) {
      return view(Abi.string(token.symbol()));
    }
    if (s == NAME && Abi.hasWords(data, 0)) {
      return view(Abi.string(token.name()));
    }
    if (s == TOTAL_SUPPLY && Abi.hasWords(data, 0)) {
      return view(st.supply(t).toWord());
    }
    return CallResult.revert("unknown function", CALL_GAS);
  }

  private static CallResult view(byte[] data) {
    return CallResult.ok(data, CALL_GAS, List.of(), List.of());
  }

  private static CallResult move(State st, Address t, Address from, Address to, UInt256 amount) {
    if (to.equals(Address.ZERO)) {
      return CallResult.revert("ERC20: transfer to the zero address", CALL_GAS);
    }
    UInt256 fromBalance = st.tokenBalance(t, from);
    if (!Amounts.covers(fromBalance, amount)) {
      return CallResult.revert("ERC20: transfer amount exceeds balance", CALL_GAS);
    }
    st.setTokenBalance(t, from, Amounts.subtract(fromBalance, amount));
    // Cannot overflow: the sum of balances is the supply, itself at most 2^256 - 1.
    st.setTokenBalance(t, to, Amounts.add(st.tokenBalance(t, to), amount));
    return CallResult.ok(
        Abi.bool(true), CALL_GAS, List.of(transferLog(t, from, to, amount)), List.of());
  }

  static LogEntry transferLog(Address token, Address from, Address to, UInt256 amount) {
    return new LogEntry(
        token,
        List.of(TRANSFER_TOPIC, new Bytes32(from.toWord()), new Bytes32(to.toWord())),
        amount.toWord());
  }
}
