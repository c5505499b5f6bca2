package org.fedbridge.sidechain.rpc;

/**
 * Every JSON-RPC error this node returns: the codes of the JSON-RPC 2.0 specification, geth's
 * {@code -32000} for refused transactions (with geth's messages, see {@code TxError}) and {@code 3}
 * for reverted calls.
 */
public enum JsonRpcError {
  PARSE_ERROR(-32700, "parse error"),
  INVALID_REQUEST(-32600, "invalid request"),
  METHOD_NOT_FOUND(-32601, "the method does not exist/is not available"),
  INVALID_PARAMS(-32602, "invalid argument"),
  INTERNAL_ERROR(-32603, "internal error"),
  /** A transaction refused before it reaches the log (geth's wording in the message). */
  TRANSACTION_REJECTED(-32000, "transaction rejected"),
  /** A certificate refused before it reaches the log. */
  CERTIFICATE_REJECTED(-32000, "certificate rejected"),
  /** State of a block this node no longer keeps. */
  HISTORICAL_STATE(-32000, "historical state not available"),
  /** Something that does not exist (a withdrawal nonce, a block). */
  NOT_FOUND(-32000, "not found"),
  LIMIT_EXCEEDED(-32005, "limit exceeded"),
  /** A call that reverted; {@code data} holds the revert data. */
  EXECUTION_REVERTED(3, "execution reverted"),
  /** The log (Kafka) did not take the record. */
  UNAVAILABLE(-32000, "transaction log unavailable");

  private final int code;
  private final String message;

  JsonRpcError(int code, String message) {
    this.code = code;
    this.message = message;
  }

  public int code() {
    return code;
  }

  public String message() {
    return message;
  }
}
