package org.fedbridge.sidechain.tx;

/**
 * A refused transaction: the reason and the full message for the JSON-RPC error.
 *
 * @param error the reason
 * @param message the geth-style message, reason first
 */
public record TxRejected(TxError error, String message) {
  public static TxRejected of(TxError error, String detail) {
    return new TxRejected(
        error, error == TxError.MALFORMED ? "rlp: " + detail : error.message(detail));
  }

  public static TxRejected of(TxError error) {
    return new TxRejected(error, error.message());
  }
}
