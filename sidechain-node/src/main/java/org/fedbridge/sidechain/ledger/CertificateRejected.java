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
    NOT_THE_NEXT_EPOCH,
    /** A {@code TokenConfig} for {@code address(0)}: ETH is native, its limits are the genesis'. */
    NATIVE_TOKEN,
    /** A {@code TokenConfig} the vault would refuse ({@code LimitOutOfRange}). */
    LIMIT_OUT_OF_RANGE,
    /** A {@code TokenConfig} at or below the governance nonce last applied to its token. */
    STALE_GOVERNANCE_NONCE,
    /** A deregistration of a token this sidechain never registered. */
    UNKNOWN_TOKEN,
    /** A new token without the signed governance record that carries its metadata. */
    METADATA_MISSING,
    /** The genesis names no governance key, so no metadata can be authenticated. */
    NO_GOVERNANCE_KEY,
    /** A governance record not signed by the genesis' governance key. */
    METADATA_UNAUTHENTICATED,
    /** A governance record for another deployment or another config than the certified one. */
    METADATA_MISMATCH,
    /** Metadata a token cannot carry (an empty symbol). */
    BAD_METADATA
  }

  static CertificateRejected of(Reason reason, String message) {
    return new CertificateRejected(reason, message);
  }
}
