package org.fedbridge.sidechain.ledger;

import java.util.List;
import java.util.Optional;
import org.fedbridge.core.message.Withdrawal;
import org.fedbridge.core.types.Address;
import org.fedbridge.core.types.Bytes32;
import org.fedbridge.core.types.UInt256;
import org.fedbridge.sidechain.genesis.Token;

/**
 * The bridge system contract at {@link #ADDRESS}. Users withdraw by calling it:
 *
 * <ul>
 *   <li>{@code withdraw(address token, address l1Recipient, uint256 amount)} burns {@code amount}
 *       of the bridged token at sidechain address {@code token};
 *   <li>{@code withdrawEth(address l1Recipient)} burns the ETH sent with the call.
 * </ul>
 *
 * Each emits {@code WithdrawalRequested(uint256 indexed nonce, address indexed token, address
 * indexed sender, address l1Recipient, uint256 amount)} with the L1 token ({@code address(0)} for
 * ETH) and a sequential nonce, and adds the withdrawal to the block's withdrawal tree. Mints enter
 * only as certificate records (see {@link Certificates}), never as calls. A withdrawal the vault
 * could never pay ({@link WithdrawalRules}) reverts and burns nothing.
 */
public final class BridgeContract {
  /** The fixed bridge system address. */
  public static final Address ADDRESS =
      Address.fromHex("0x000000000000000000000000000000000000b1d6");

  /** Gas charged for a withdrawal on top of the intrinsic gas. */
  public static final long CALL_GAS = 50_000;

  public static final Bytes32 WITHDRAWAL_REQUESTED_TOPIC =
      Abi.topic("WithdrawalRequested(uint256,address,address,address,uint256)");
  public static final Bytes32 DEPOSIT_MINTED_TOPIC =
      Abi.topic("DepositMinted(uint256,address,address,uint256)");
  public static final Bytes32 EPOCH_CHANGED_TOPIC = Abi.topic("EpochChanged(uint256,bytes32)");

  static final int WITHDRAW = Abi.selector("withdraw(address,address,uint256)");
  static final int WITHDRAW_ETH = Abi.selector("withdrawEth(address)");

  private BridgeContract() {}

  /**
   * Why the vault could never pay the withdrawal this call asks for, if it could not; empty for a
   * payable withdrawal and for any other call (those revert or succeed on their own terms).
   */
  static Optional<String> unpayable(
      WithdrawalRules rules, TokenRegistry tokens, StateView view, UInt256 value, byte[] data) {
    int sel = (int) Abi.selectorOf(data);
    if (sel == WITHDRAW_ETH && Abi.hasWords(data, 1)) {
      Address recipient = Abi.addressArg(data, 0);
      return recipient == null ? Optional.empty() : rules.refusal(null, recipient, value);
    }
    if (sel == WITHDRAW && Abi.hasWords(data, 3)) {
      Address tokenAddress = Abi.addressArg(data, 0);
      Token token = tokenAddress == null ? null : tokens.atSidechain(view, tokenAddress);
      Address recipient = Abi.addressArg(data, 1);
      if (token == null || recipient == null) {
        return Optional.empty();
      }
      return rules.refusal(token, recipient, Abi.uintArg(data, 2));
    }
    return Optional.empty();
  }

  static CallResult call(
      State st,
      TokenRegistry tokens,
      WithdrawalRules rules,
      Address caller,
      UInt256 value,
      byte[] data) {
    long selector = Abi.selectorOf(data);
    int sel = (int) selector;
    if (selector == -1) {
      return CallResult.revert("unknown function", CALL_GAS);
    }
    if (sel == WITHDRAW_ETH && Abi.hasWords(data, 1)) {
      Address recipient = Abi.addressArg(data, 0);
      if (recipient == null) {
        return CallResult.revert("bad l1Recipient", CALL_GAS);
      }
      Optional<String> unpayable = rules.refusal(null, recipient, value);
      if (unpayable.isPresent()) {
        return CallResult.revert(unpayable.get(), CALL_GAS);
      }
      if (value.value().signum() == 0) {
        return CallResult.revert("zero amount", CALL_GAS);
      }
      // The value was already taken from the caller; not crediting the bridge address burns it.
      return withdrawn(st, Address.ZERO, caller, recipient, value);
    }
    if (sel == WITHDRAW && Abi.hasWords(data, 3)) {
      if (value.value().signum() != 0) {
        return CallResult.revert("withdraw is not payable", CALL_GAS);
      }
      Address tokenAddress = Abi.addressArg(data, 0);
      Address recipient = Abi.addressArg(data, 1);
      UInt256 amount = Abi.uintArg(data, 2);
      Token token = tokenAddress == null ? null : tokens.atSidechain(st.view(), tokenAddress);
      if (token == null) {
        return CallResult.revert("unknown token", CALL_GAS);
      }
      if (recipient == null) {
        return CallResult.revert("bad l1Recipient", CALL_GAS);
      }
      Optional<String> unpayable = rules.refusal(token, recipient, amount);
      if (unpayable.isPresent()) {
        return CallResult.revert(unpayable.get(), CALL_GAS);
      }
      if (amount.value().signum() == 0) {
        return CallResult.revert("zero amount", CALL_GAS);
      }
      UInt256 balance = st.tokenBalance(token.address(), caller);
      if (!Amounts.covers(balance, amount)) {
        return CallResult.revert("ERC20: burn amount exceeds balance", CALL_GAS);
      }
      st.setTokenBalance(token.address(), caller, Amounts.subtract(balance, amount));
      st.setSupply(token.address(), Amounts.subtract(st.supply(token.address()), amount));
      CallResult w = withdrawn(st, token.l1Token(), caller, recipient, amount);
      LogEntry burn = TokenContract.transferLog(token.address(), caller, Address.ZERO, amount);
      return CallResult.ok(
          w.returnData(), CALL_GAS, List.of(burn, w.logs().get(0)), w.withdrawals());
    }
    return CallResult.revert("unknown function", CALL_GAS);
  }

  private static CallResult withdrawn(
      State st, Address l1Token, Address sender, Address recipient, UInt256 amount) {
    UInt256 nonce = st.nextWithdrawalNonce();
    st.setNextWithdrawalNonce(nonce.increment());
    Withdrawal w = new Withdrawal(nonce, l1Token, sender, recipient, amount);
    LogEntry log =
        new LogEntry(
            ADDRESS,
            List.of(
                WITHDRAWAL_REQUESTED_TOPIC,
                Words.word(nonce),
                new Bytes32(l1Token.toWord()),
                new Bytes32(sender.toWord())),
            Abi.concat(recipient.toWord(), amount.toWord()));
    return CallResult.ok(nonce.toWord(), CALL_GAS, List.of(log), List.of(w));
  }
}
