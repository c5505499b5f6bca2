package org.fedbridge.validator.consensus;

import java.util.Locale;

/**
 * Why a partial was refused. Each one is counted in {@code
 * fedbridge_validator_partials_rejected_total{reason,member}}, where {@code member} is the operator
 * whose identity key authenticated the record, or {@code unauthenticated}: a record is never blamed
 * on the member whose index it merely claims.
 */
enum PartialRejection {
  /** Authenticated, but for an epoch before the current one (threats.md row 1). */
  STALE_EPOCH,
  /** For an epoch after the current one, not yet active (threats.md row 11). */
  FUTURE_EPOCH,
  /** The index is not a member of the epoch. */
  NOT_A_MEMBER,
  /** The identity signature is not the claimed member's, nor any other member's. */
  BAD_IDENTITY_SIGNATURE,
  /** Signed by one member's identity key under another member's index. */
  IMPERSONATION,
  /** A second, different partial from a member for a batch it already gave one for. */
  EQUIVOCATION,
  /** A digest other than the one this validator computed from its own observation. */
  WRONG_DIGEST,
  /** The partial signature is not a valid G1 point. */
  BAD_POINT,
  /** The partial signature does not verify under the member's share key. */
  BAD_PARTIAL,
  /** The member already holds candidates for too many uncertified batches. */
  BACKLOG_FULL;

  /** The metric tag value. */
  String tag() {
    return name().toLowerCase(Locale.ROOT);
  }
}
