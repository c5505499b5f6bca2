package org.fedbridge.sidechain.ledger;

import java.util.function.Supplier;

/**
 * The ledger a running node reads: the replica installs a new one at start-up and after each
 * recovery from its database; admission and JSON-RPC read whichever is current. It lets those parts
 * share the ledger without knowing about each other.
 */
public final class LiveLedger implements Supplier<Ledger> {
  private volatile Ledger ledger;

  /** The current ledger, or {@code null} before the replica has loaded one. */
  @Override
  public Ledger get() {
    return ledger;
  }

  public void install(Ledger l) {
    this.ledger = l;
  }
}
