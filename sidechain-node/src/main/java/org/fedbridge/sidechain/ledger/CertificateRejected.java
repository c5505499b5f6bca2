package org.fedbridge.sidechain.ledger;

/**
 * Why a certificate is refused: the reason, for code to switch on, and the message users see
 * ({@code certificate refused: <message>} over JSON-RPC).
 */
public record CertificateRejected(Reason reason, String message) {

  /** The reasons a replica refuses a certificate, in the order they are checked. */
  public enum Reason {
    WRONG_EPOCH,
    DEPOSIT_COUNT,
    ZERO_AMOUNT,
    UNREGISTERED_TOKEN,
    ZERO_RECIPIENT,
    DUPLICATE_DEPOSIT,
    BAD_SIGNATURE,
    MINT_OVERFLOW,
    NOT_THE_NEXT_EPOCH
  }

  static CertificateRejected of(Reason reason, String message) {
    return new CertificateRejected(reason, message);
  }
}
