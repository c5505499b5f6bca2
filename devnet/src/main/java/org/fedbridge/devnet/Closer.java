package org.fedbridge.devnet;

import java.util.ArrayList;
import java.util.List;

/** Stops components in parallel, each in its own thread, and waits for all of them. */
final class Closer {
  private Closer() {}

  static void closeAll(List<AutoCloseable> components) {
    List<Thread> stopping = new ArrayList<>();
    for (AutoCloseable component : components) {
      Thread t = new Thread(() -> closeQuietly(component), "devnet-stop-one");
      stopping.add(t);
      t.start();
    }
    for (Thread t : stopping) {
      try {
        t.join();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }

  private static void closeQuietly(AutoCloseable component) {
    try {
      component.close();
    } catch (Exception e) {
      System.err.println("devnet: " + e.getMessage());
    }
  }
}
