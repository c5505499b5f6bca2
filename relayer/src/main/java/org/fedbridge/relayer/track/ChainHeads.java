package org.fedbridge.relayer.track;

import java.time.Instant;
import java.util.concurrent.atomic.AtomicReference;
import org.springframework.stereotype.Component;

/**
 * The latest heads the watchers read, kept in memory for the API ("waiting for finality k of N")
 * and for bounding what Kafka records are worth storing.
 */
@Component
public final class ChainHeads {
  /** A head and when the relayer read it; {@code number} is -1 before the first read. */
  public record Head(long number, Instant blockTime, Instant readAt) {
    static final Head UNKNOWN = new Head(-1, Instant.EPOCH, Instant.EPOCH);
  }

  private final AtomicReference<Head> l1 = new AtomicReference<>(Head.UNKNOWN);
  private final AtomicReference<Head> sidechain = new AtomicReference<>(Head.UNKNOWN);

  public Head l1() {
    return l1.get();
  }

  public Head sidechain() {
    return sidechain.get();
  }

  void l1(Head head) {
    l1.set(head);
  }

  void sidechain(Head head) {
    sidechain.set(head);
  }
}
