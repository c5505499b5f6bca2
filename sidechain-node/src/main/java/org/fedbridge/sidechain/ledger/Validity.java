package org.fedbridge.sidechain.ledger;

import org.fedbridge.sidechain.tx.TxRejected;

/**
 * Whether a transaction may run against a state: the one answer that admission and execution both
 * switch on.
 */
public sealed interface Validity {
  Validity VALID = new Valid();

  /** It may run. */
  record Valid() implements Validity {}

  /** It may not, and why (geth's wording). */
  record Invalid(TxRejected rejection) implements Validity {}
}
