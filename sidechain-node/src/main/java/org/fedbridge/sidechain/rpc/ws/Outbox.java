package org.fedbridge.sidechain.rpc.ws;

import jakarta.websocket.RemoteEndpoint;
import jakarta.websocket.SendResult;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/**
 * What one WebSocket connection has yet to send, sent one message at a time with the container's
 * asynchronous sends, so no thread ever waits on a slow client. When more than {@code max} messages
 * wait, the client is too slow: the outbox takes nothing more and reports it once, and the
 * connection is closed; everyone else is unaffected.
 */
final class Outbox {
  private static final ThreadLocal<Boolean> DRAINING = ThreadLocal.withInitial(() -> false);

  private final RemoteEndpoint.Async remote;
  private final int max;
  private final Consumer<String> failed;
  private final ConcurrentLinkedQueue<String> queue = new ConcurrentLinkedQueue<>();
  private final AtomicInteger waiting = new AtomicInteger();
  private final AtomicBoolean sending = new AtomicBoolean();
  private final AtomicBoolean closed = new AtomicBoolean();

  /**
   * @param failed told once why the outbox gave up (too slow, or a send failed)
   */
  Outbox(RemoteEndpoint.Async remote, int max, Consumer<String> failed) {
    this.remote = remote;
    this.max = max;
    this.failed = failed;
  }

  /** Queues a message; false once the outbox gave up. */
  boolean offer(String text) {
    if (closed.get()) {
      return false;
    }
    if (waiting.incrementAndGet() > max) {
      fail("too slow: more than " + max + " messages waiting");
      return false;
    }
    queue.add(text);
    drain();
    return true;
  }

  int waiting() {
    return waiting.get();
  }

  private void drain() {
    // A send may complete on this very thread; the loop, not recursion, then sends the next one.
    boolean outer = !DRAINING.get();
    DRAINING.set(true);
    try {
      while (!closed.get() && sending.compareAndSet(false, true)) {
        String next = queue.poll();
        if (next == null) {
          sending.set(false);
          if (queue.isEmpty()) {
            return;
          }
          continue;
        }
        remote.sendText(next, this::sent);
        if (sending.get()) {
          return; // in flight: its completion continues the draining
        }
      }
    } finally {
      if (outer) {
        DRAINING.set(false);
      }
    }
  }

  private void sent(SendResult result) {
    waiting.decrementAndGet();
    if (!result.isOK()) {
      fail("send failed: " + result.getException());
      return;
    }
    sending.set(false);
    if (!DRAINING.get()) {
      drain();
    }
  }

  private void fail(String why) {
    if (closed.compareAndSet(false, true)) {
      queue.clear();
      failed.accept(why);
    }
  }
}
