package org.fedbridge.validator;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * Runs a task on its own thread every {@code interval} (fixed delay), and at once when {@link
 * #wake()} is called (coalesced). A failing run is logged and the next one happens as usual: a
 * watcher or the signing loop never dies from one bad poll. A Spring {@link SmartLifecycle}, so it
 * starts after the context is ready and stops before the data source closes.
 */
public final class Periodic implements SmartLifecycle {
  private static final Logger log = LoggerFactory.getLogger(Periodic.class);

  private final String name;
  private final Duration interval;
  private final Runnable task;
  private final AtomicBoolean wakePending = new AtomicBoolean();
  private volatile ScheduledExecutorService executor;

  public Periodic(String name, Duration interval, Runnable task) {
    this.name = name;
    this.interval = interval;
    this.task = task;
  }

  @Override
  public synchronized void start() {
    if (executor != null) {
      return;
    }
    executor =
        Executors.newSingleThreadScheduledExecutor(
            r -> {
              Thread t = new Thread(r, name);
              t.setDaemon(true);
              return t;
            });
    executor.scheduleWithFixedDelay(this::runSafely, 0, interval.toMillis(), TimeUnit.MILLISECONDS);
  }

  /** Runs the task as soon as the thread is free (several wakes in a row run it once). */
  public void wake() {
    ScheduledExecutorService e = executor;
    if (e != null && wakePending.compareAndSet(false, true)) {
      try {
        e.execute(
            () -> {
              wakePending.set(false);
              runSafely();
            });
      } catch (java.util.concurrent.RejectedExecutionException stopped) {
        wakePending.set(false);
      }
    }
  }

  private void runSafely() {
    try {
      task.run();
    } catch (RuntimeException e) {
      log.warn("{}: run failed, retrying in {}: {}", name, interval, e.toString());
      log.debug("{} failure", name, e);
    }
  }

  @Override
  public synchronized void stop() {
    ScheduledExecutorService e = executor;
    executor = null;
    if (e == null) {
      return;
    }
    e.shutdownNow();
    try {
      if (!e.awaitTermination(10, TimeUnit.SECONDS)) {
        log.warn("{} did not stop within 10 s", name);
      }
    } catch (InterruptedException ie) {
      Thread.currentThread().interrupt();
    }
  }

  @Override
  public boolean isRunning() {
    return executor != null;
  }
}
