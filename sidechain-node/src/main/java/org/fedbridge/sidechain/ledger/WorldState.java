package org.fedbridge.sidechain.ledger;

import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantReadWriteLock;

/**
 * The committed state: the entries of the latest block (readable from any thread, e.g. JSON-RPC),
 * the state tree (owned by the replica thread), and for a window of recent blocks what each block
 * overwrote, so that the state at any block in the window can be read.
 *
 * <p>A block's diff holds, for every key the block changed, the value before it ({@code null}:
 * absent). The state at block {@code n} reads a key from the first diff after {@code n} that
 * touched it, else from the latest entries. Readers of a past block take the read lock; {@link
 * #publish} takes the write lock, so no reader ever sees a block's entries without its diff.
 */
final class WorldState implements StateView {
  private final ConcurrentHashMap<StateKey, byte[]> entries = new ConcurrentHashMap<>();
  private final StateTree tree = new StateTree();
  private final int historyBlocks;
  private final ArrayDeque<BlockDiff> history = new ArrayDeque<>();
  private final ReentrantReadWriteLock lock = new ReentrantReadWriteLock();
  private long headNumber;

  /** What block {@code number} overwrote. */
  record BlockDiff(long number, Map<StateKey, byte[]> previous) {}

  /**
   * @param historyBlocks how many blocks before the head stay readable (0: the latest only)
   */
  WorldState(int historyBlocks) {
    this.historyBlocks = historyBlocks;
  }

  int historyBlocks() {
    return historyBlocks;
  }

  /** Loads an entry read from the store (start-up only). */
  void load(StateKey key, byte[] value) {
    entries.put(key, value);
    tree.put(key, value);
  }

  /**
   * Loads the stored diffs of blocks {@code (head - n, head]} (start-up only): one per block, in
   * order, so the window is contiguous.
   */
  void loadHistory(long head, Map<Long, Map<StateKey, byte[]>> diffs) {
    headNumber = head;
    history.clear();
    long from = Math.max(1, head - historyBlocks + 1);
    for (long n = from; n <= head; n++) {
      history.addLast(new BlockDiff(n, diffs.getOrDefault(n, Map.of())));
    }
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

  /** What {@code changes} would overwrite in the latest entries ({@code null}: absent). */
  Map<StateKey, byte[]> previousValues(Map<StateKey, byte[]> changes) {
    if (historyBlocks == 0) {
      return Map.of();
    }
    Map<StateKey, byte[]> previous = new HashMap<>(changes.size() * 2);
    changes.keySet().forEach(k -> previous.put(k, entries.get(k)));
    return previous;
  }

  /** Makes block {@code number} the latest: its entries, and its diff in the window. */
  void publish(long number, Map<StateKey, byte[]> changes, Map<StateKey, byte[]> previous) {
    lock.writeLock().lock();
    try {
      changes.forEach(
          (k, v) -> {
            if (v == null) {
              entries.remove(k);
            } else {
              entries.put(k, v);
            }
          });
      if (historyBlocks > 0) {
        history.addLast(new BlockDiff(number, previous));
        while (history.size() > historyBlocks) {
          history.removeFirst();
        }
      }
      headNumber = number;
    } finally {
      lock.writeLock().unlock();
    }
  }

  /** The oldest block whose state can still be read. */
  long oldestReadable() {
    lock.readLock().lock();
    try {
      return history.isEmpty() ? headNumber : history.peekFirst().number() - 1;
    } finally {
      lock.readLock().unlock();
    }
  }

  /** The state as of block {@code number}; reads throw once it leaves the window. */
  StateView at(long number) {
    return key -> {
      lock.readLock().lock();
      try {
        if (number < (history.isEmpty() ? headNumber : history.peekFirst().number() - 1)) {
          throw new HistoricalStateUnavailable(number);
        }
        for (Iterator<BlockDiff> it = history.iterator(); it.hasNext(); ) {
          BlockDiff d = it.next();
          if (d.number() > number && d.previous().containsKey(key)) {
            return d.previous().get(key);
          }
        }
        return entries.get(key);
      } finally {
        lock.readLock().unlock();
      }
    };
  }

  byte[] root() {
    return tree.root();
  }

  int size() {
    return entries.size();
  }
}
