package org.fedbridge.sidechain.ledger;

/** Read access to state entries; {@code null} means absent (zero). */
interface StateView {
  byte[] get(StateKey key);
}
