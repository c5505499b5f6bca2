package org.fedbridge.sidechain.tx;

/**
 * Why a transaction is refused, with the wording geth uses (core/error.go, core/txpool/errors.go),
 * so that wallets and libraries show users the message they already know.
 */
public enum TxError {
  MALFORMED("rlp"),
  TYPE_NOT_SUPPORTED("transaction type not supported"),
  NOT_REPLAY_PROTECTED("only replay-protected (EIP-155) transactions allowed over RPC"),
  WRONG_CHAIN_ID("invalid chain id for signer"),
  INVALID_SIGNATURE_VALUES("invalid transaction v, r, s values"),
  INVALID_SENDER("invalid sender"),
  NONCE_TOO_LOW("nonce too low"),
  NONCE_TOO_HIGH("nonce too high"),
  INSUFFICIENT_FUNDS("insufficient funds for gas * price + value"),
  INTRINSIC_GAS("intrinsic gas too low"),
  GAS_LIMIT("exceeds block gas limit"),
  FEE_CAP_TOO_LOW("max fee per gas less than block base fee"),
  UNDERPRICED("transaction underpriced"),
  TIP_ABOVE_FEE_CAP("max priority fee per gas higher than max fee per gas"),
  CONTRACT_CREATION("contract creation is not supported on this chain"),
  OVERSIZED("oversized data"),
  ALREADY_KNOWN("already known"),
  /** Another transaction of the sender already waits with this nonce (no replacement here). */
  REPLACEMENT_UNDERPRICED("replacement transaction underpriced"),
  POOL_FULL("txpool is full"),
  /** Ours, not geth's: a withdrawal the L1 vault could never pay (threats.md row 21). */
  WITHDRAWAL_REFUSED("withdrawal refused");

  private final String message;

  TxError(String message) {
    this.message = message;
  }

  /** The bare geth message, for example {@code nonce too low}. */
  public String message() {
    return message;
  }

  /** The geth message followed by details, as geth wraps it ({@code "%w: ..."}). */
  public String message(String detail) {
    return detail == null || detail.isEmpty() ? message : message + ": " + detail;
  }
}
