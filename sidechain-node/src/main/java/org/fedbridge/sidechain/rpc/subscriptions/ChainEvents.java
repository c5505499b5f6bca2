package org.fedbridge.sidechain.rpc.subscriptions;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import org.fedbridge.core.types.Bytes32;
import org.fedbridge.sidechain.ledger.Block;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * New blocks and newly accepted transactions, handed to subscribers and filters on one thread of
 * their own: the replica and admission only queue an event, so no subscriber can ever slow block
 * production or admission. Listeners must not block either (WebSocket subscribers queue what they
 * send; a subscriber that falls behind is disconnected, see the ws package).
 */
public final class ChainEvents implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(ChainEvents.class);

  /** Told about events, on the events thread, in order. */
  public interface Listener {
    default void newBlock(NewBlock block) {}

    default void newPendingTransaction(Bytes32 hash) {}

    /** Whether anyone behind this listener wants blocks now (else nothing is even queued). */
    default boolean wantsBlocks() {
      return true;
    }

    /** Whether anyone behind this listener wants pending transactions now. */
    default boolean wantsPendingTransactions() {
      return true;
    }
  }

  private final List<Listener> listeners = new CopyOnWriteArrayList<>();
  private final ExecutorService thread =
      Executors.newSingleThreadExecutor(
          r -> {
            Thread t = new Thread(r, "chain-events");
            t.setDaemon(true);
            return t;
          });

  public void add(Listener l) {
    listeners.add(l);
  }

  public void remove(Listener l) {
    listeners.remove(l);
  }

  /** A block was stored (called on the replica thread: only queues). */
  public void blockStored(Block block) {
    if (listeners.stream().anyMatch(Listener::wantsBlocks)) {
      submit(() -> deliver(NewBlock.of(block)));
    }
  }

  /** A transaction went to the log (called by admission: only queues). */
  public void transactionAccepted(Bytes32 hash) {
    if (listeners.stream().anyMatch(Listener::wantsPendingTransactions)) {
      submit(
          () -> {
            for (Listener l : listeners) {
              guarded(() -> l.newPendingTransaction(hash));
            }
          });
    }
  }

  private void deliver(NewBlock block) {
    for (Listener l : listeners) {
      guarded(() -> l.newBlock(block));
    }
  }

  private void submit(Runnable r) {
    try {
      thread.execute(r);
    } catch (RejectedExecutionException e) {
      // closed: the node is stopping
    }
  }

  private static void guarded(Runnable r) {
    try {
      r.run();
    } catch (RuntimeException e) {
      LOG.warn("a chain event listener failed: {}", e.toString());
    }
  }

  @Override
  public void close() {
    thread.shutdownNow();
  }
}
