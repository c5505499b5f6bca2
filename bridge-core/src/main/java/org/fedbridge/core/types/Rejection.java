package org.fedbridge.core.types;

/** Why an input was refused. One list for the whole core, so callers can switch on it. */
public enum Rejection {
  /** Input has the wrong number of bytes. */
  BAD_LENGTH,
  /** Bytes decode but are not the unique canonical encoding (flags, padding, field element ≥ p). */
  NON_CANONICAL,
  /** The coordinates are not a point on the curve. */
  NOT_ON_CURVE,
  /** The point is on the curve but outside the prime-order subgroup. */
  NOT_IN_SUBGROUP,
  /** The point at infinity (identity), never a valid key or signature. */
  INFINITY,
  /** A scalar outside {@code [1, r-1]}. */
  SCALAR_OUT_OF_RANGE,
  /** A signature that does not verify. */
  BAD_SIGNATURE,
  /** Not enough valid partial signatures or shares. */
  INSUFFICIENT_SHARES,
  /** Threshold parameters refused by {@code ThresholdPolicy}. */
  THRESHOLD_POLICY,
  /** Two members, shares or partials with the same identity. */
  DUPLICATE_MEMBER,
  /** A signer or index that is not a member. */
  UNKNOWN_MEMBER,
  /** Merkle index not below the leaf count. */
  INDEX_OUT_OF_RANGE,
  /** Merkle proof length differs from the tree depth. */
  BAD_PROOF_LENGTH,
  /** A Merkle proof that leads to a different root. */
  ROOT_MISMATCH,
  /** A malformed message or file. */
  MALFORMED,
  /** Keystore password is wrong (checksum mismatch). */
  WRONG_PASSWORD,
  /** A message from the wrong session or phase, or a bad sender signature. */
  BAD_MESSAGE,
  /** A record version or record type this code does not know. */
  UNSUPPORTED
}
