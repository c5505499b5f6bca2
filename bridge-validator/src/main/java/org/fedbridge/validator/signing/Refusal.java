package org.fedbridge.validator.signing;

/** Why the pipeline refused to sign a batch. */
public enum Refusal {
  /** This validator's own store has no such safe batch. */
  NOT_OBSERVED,
  /** The stored items do not give the batch that was queued for signing. */
  OBSERVATION_MISMATCH,
  /** Withdrawals of a token beyond what is locked for it on L1 (the accountant). */
  LOCKED_AMOUNT_EXCEEDED,
  /** A different digest is already recorded for this (type, batch id, epoch): equivocation. */
  EQUIVOCATION,
  /** The key signer refused (for example: no share for this epoch). */
  SIGNER_REFUSED
}
