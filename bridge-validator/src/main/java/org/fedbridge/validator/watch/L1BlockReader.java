package org.fedbridge.validator.watch;

import java.util.ArrayDeque;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.FutureTask;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.fedbridge.core.types.Address;
import org.web3j.protocol.core.methods.response.Log;

/**
 * Reads the L1 watcher's next blocks ahead of it: up to {@code readAhead} blocks (the header by
 * number, then the vault's logs by that header's hash) are in flight on a small pool while the
 * watcher checks and stores the earlier ones. Only reading goes ahead; every check (parent hash,
 * logs, nonces) and every write stays in the watcher, in block order, so what is stored is exactly
 * what a one-block-at-a-time watcher stores. Reads beyond the point where the watcher stops (a
 * discontinuity, a failed store, the end of the poll) are cancelled or dropped, never used.
 *
 * <p>With {@code readAhead == 1} nothing runs on another thread: each block is read when asked for.
 */
final class L1BlockReader {
  /** One block as the node gave it: the header, and the vault's logs if the bloom allows any. */
  record Read(L1Header header, Optional<List<Log>> logs) {}

  private static final AtomicInteger THREADS = new AtomicInteger();

  private final L1Node node;
  private final Address vault;
  private final int readAhead;
  private final ThreadPoolExecutor pool;

  L1BlockReader(L1Node node, Address vault, int readAhead) {
    if (readAhead < 1) {
      throw new IllegalArgumentException("readAhead must be at least 1: " + readAhead);
    }
    this.node = node;
    this.vault = vault;
    this.readAhead = readAhead;
    if (readAhead == 1) {
      this.pool = null;
    } else {
      // Idle threads end after a few seconds: a watcher that is dropped leaves nothing behind.
      this.pool =
          new ThreadPoolExecutor(
              readAhead,
              readAhead,
              5,
              TimeUnit.SECONDS,
              new LinkedBlockingQueue<>(),
              r -> {
                Thread t = new Thread(r, "l1-reader-" + THREADS.incrementAndGet());
                t.setDaemon(true);
                return t;
              });
      this.pool.allowCoreThreadTimeOut(true);
    }
  }

  /** The blocks {@code from..to} in order; close it to drop what was read ahead and not used. */
  Blocks blocks(long from, long to) {
    return new Blocks(from, to);
  }

  private Read read(long number) throws NodeException {
    Optional<L1Header> header = node.byNumber(number);
    if (header.isEmpty()) {
      return null;
    }
    L1Header h = header.get();
    if (!DepositLogs.mayContain(h.logsBloom(), vault)) {
      return new Read(h, Optional.empty());
    }
    // SECURITY: logs by the header's hash, not by number: they belong to exactly that block.
    return new Read(h, Optional.of(node.depositLogs(h.hash())));
  }

  /** A window of reads over consecutive blocks, consumed strictly in order. */
  final class Blocks implements AutoCloseable {
    private final ArrayDeque<Future<Read>> inFlight = new ArrayDeque<>();
    private long nextToSubmit;
    private long nextToTake;
    private final long to;

    private Blocks(long from, long to) {
      this.nextToSubmit = from;
      this.nextToTake = from;
      this.to = to;
      fill();
    }

    private void fill() {
      if (pool == null) {
        return;
      }
      while (inFlight.size() < readAhead && nextToSubmit <= to) {
        long n = nextToSubmit++;
        FutureTask<Read> task = new FutureTask<>((Callable<Read>) () -> read(n));
        pool.execute(task);
        inFlight.add(task);
      }
    }

    /** The next block; empty when the node does not have it (yet). */
    Optional<Read> next() throws NodeException {
      if (nextToTake > to) {
        throw new IllegalStateException("no block after " + to + " in this window");
      }
      long n = nextToTake++;
      if (pool == null) {
        return Optional.ofNullable(read(n));
      }
      Future<Read> f = inFlight.poll();
      fill();
      try {
        return Optional.ofNullable(f.get());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new NodeException("interrupted while reading L1 block " + n, false, e);
      } catch (CancellationException e) {
        throw new NodeException("read of L1 block " + n + " cancelled", false, e);
      } catch (ExecutionException e) {
        if (e.getCause() instanceof NodeException ne) {
          throw ne;
        }
        if (e.getCause() instanceof RuntimeException re) {
          throw re;
        }
        throw new NodeException("reading L1 block " + n + " failed: " + e.getCause(), false, e);
      }
    }

    /** Cancels the reads not taken: nothing read ahead outlives the poll. */
    @Override
    public void close() {
      for (Future<Read> f : inFlight) {
        f.cancel(true);
      }
      inFlight.clear();
    }
  }
}
