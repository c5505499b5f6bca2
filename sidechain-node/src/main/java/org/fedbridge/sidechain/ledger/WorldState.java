package org.fedbridge.sidechain.ledger;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The committed state of the latest block: the entries (readable from any thread, e.g. JSON-RPC)
 * and the state tree (owned by the replica thread).
 */
final class WorldState implements StateView {
  private final ConcurrentHashMap<StateKey, byte[]> entries = new ConcurrentHashMap<>();
  private final StateTree tree = new StateTree();

  /** Loads an entry read from the store (start-up only). */
  void load(StateKey key, byte[] value) {
    entries.put(key, value);
    tree.put(key, value);
  }

  @Override
  public byte[] get(StateKey key) {
    return entries.get(key);
  }

  /**
   * Applies a block's changes to the tree and returns the new root. The entries are published
   * separately, after the block is stored, so readers never see a block that is not yet durable.
   */
  byte[] applyToTree(Map<StateKey, byte[]> changes) {
    changes.forEach(tree::put);
    return tree.root();
  }

  void publish(Map<StateKey, byte[]> changes) {
    changes.forEach(
        (k, v) -> {
          if (v == null) {
            entries.remove(k);
          } else {
            entries.put(k, v);
          }
        });
  }

  byte[] root() {
    return tree.root();
  }

  int size() {
    return entries.size();
  }
}
