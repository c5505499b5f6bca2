package org.fedbridge.validator.testing;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.fedbridge.core.message.MessageType;
import org.fedbridge.core.types.UInt256;
import org.fedbridge.validator.consensus.PartialPublisher;
import org.fedbridge.validator.signing.SignedPartial;

/**
 * Stands in for the consensus feature's Kafka publisher (built by another engineer): records every
 * partial handed over, and can be told to fail, as a broker outage would.
 */
public final class RecordingPublisher implements PartialPublisher {
  private final List<SignedPartial> published = new ArrayList<>();
  private final AtomicInteger failuresLeft = new AtomicInteger();

  @Override
  public synchronized void publish(SignedPartial partial) {
    if (failuresLeft.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
      throw new IllegalStateException("broker unavailable (test)");
    }
    published.add(partial);
  }

  /** The next {@code n} publications throw. */
  public void failNext(int n) {
    failuresLeft.set(n);
  }

  public synchronized List<SignedPartial> published() {
    return List.copyOf(published);
  }

  public synchronized List<SignedPartial> published(MessageType type) {
    return published.stream().filter(p -> p.type() == type).toList();
  }

  public synchronized List<Long> batchIds(MessageType type) {
    return published(type).stream().map(p -> p.batchId().value().longValueExact()).toList();
  }

  public synchronized boolean has(MessageType type, UInt256 batchId) {
    return published.stream().anyMatch(p -> p.type() == type && p.batchId().equals(batchId));
  }
}
