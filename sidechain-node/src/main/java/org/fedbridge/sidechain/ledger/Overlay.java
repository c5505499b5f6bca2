package org.fedbridge.sidechain.ledger;

import java.util.HashMap;
import java.util.Map;

/**
 * Writes buffered over a parent view: a transaction's effects until it succeeds, a block's effects
 * until it is sealed, or an {@code eth_call} that is thrown away.
 */
final class Overlay implements StateView {
  private static final byte[] DELETED = new byte[0];

  private final StateView parent;
  private final HashMap<StateKey, byte[]> changes = new HashMap<>();

  Overlay(StateView parent) {
    this.parent = parent;
  }

  @Override
  public byte[] get(StateKey key) {
    byte[] v = changes.get(key);
    if (v != null) {
      return v == DELETED ? null : v;
    }
    return parent.get(key);
  }

  /** Sets an entry; {@code null} or empty deletes it (zero values are never stored). */
  void put(StateKey key, byte[] value) {
    changes.put(key, value == null || value.length == 0 ? DELETED : value);
  }

  /** Moves this overlay's writes into {@code target} (normally its parent). */
  void commitTo(Overlay target) {
    target.changes.putAll(changes);
    changes.clear();
  }

  boolean isEmpty() {
    return changes.isEmpty();
  }

  /** The writes, with {@code null} for deleted entries. */
  Map<StateKey, byte[]> changes() {
    Map<StateKey, byte[]> out = new HashMap<>(changes.size() * 2);
    changes.forEach((k, v) -> out.put(k, v == DELETED ? null : v));
    return out;
  }
}
