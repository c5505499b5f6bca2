package org.fedbridge.relayer.track;

/** The direction of a transfer. */
public enum Kind {
  /** L1 → sidechain. */
  DEPOSIT,
  /** Sidechain → L1. */
  WITHDRAWAL
}
