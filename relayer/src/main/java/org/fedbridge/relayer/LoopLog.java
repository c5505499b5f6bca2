package org.fedbridge.relayer;

import java.util.Objects;
import org.slf4j.Logger;

/**
 * Logs a background loop's failure once per distinct message (a node that is down for an hour is
 * one line, not 3,600), and that it recovered.
 */
public final class LoopLog {
  private final Logger log;
  private final String loop;
  private String last;

  public LoopLog(Logger log, String loop) {
    this.log = log;
    this.loop = loop;
  }

  public synchronized void report(Exception e) {
    String message = e.getClass().getSimpleName() + ": " + e.getMessage();
    if (!Objects.equals(message, last)) {
      log.warn("{}: {} (retrying)", loop, message, e instanceof RuntimeException ? e : null);
      last = message;
    }
  }

  public synchronized void clear() {
    if (last != null) {
      log.info("{}: recovered", loop);
      last = null;
    }
  }
}
