package org.fedbridge.devnet;

import java.time.Duration;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;

/** Polls a condition until it holds, failing with a readable message after a deadline. */
final class Waits {
  private Waits() {}

  static void until(String what, Duration timeout, BooleanSupplier condition) {
    until(what, timeout, condition, () -> {});
  }

  /** As {@link #until(String, Duration, BooleanSupplier)}, running {@code check} every round. */
  static void until(String what, Duration timeout, BooleanSupplier condition, Runnable check) {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (!condition.getAsBoolean()) {
      check.run();
      if (System.nanoTime() > deadline) {
        throw new DevnetException(
            "timed out after " + timeout.toSeconds() + " s waiting for " + what);
      }
      LockSupport.parkNanos(Duration.ofMillis(200).toNanos());
      if (Thread.currentThread().isInterrupted()) {
        throw new DevnetException("interrupted while waiting for " + what);
      }
    }
  }
}
