package org.fedbridge.validator.consensus;

import java.time.Clock;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.fedbridge.core.types.Result;
import org.fedbridge.validator.keys.IdentitySigner;
import org.fedbridge.validator.signing.SignedPartial;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Publishes this member's partials on {@code bridge.partials}, authenticated with its identity key.
 * Each record is written to an outbox table before it is sent, so that a restart re-publishes the
 * partials of batches that still have no certificate. This member's own partials count only once
 * read back from the log, like everyone else's.
 */
final class KafkaPartialPublisher implements PartialPublisher {
  private static final Logger log = LoggerFactory.getLogger(KafkaPartialPublisher.class);

  private final Producer<byte[], byte[]> producer;
  private final String topic;
  private final IdentitySigner identity;
  private final ConsensusStore store;
  private final Clock clock;

  KafkaPartialPublisher(
      Producer<byte[], byte[]> producer,
      String topic,
      IdentitySigner identity,
      ConsensusStore store,
      Clock clock) {
    this.producer = producer;
    this.topic = topic;
    this.identity = identity;
    this.store = store;
    this.clock = clock;
  }

  @Override
  public void publish(SignedPartial partial) {
    // The key this epoch lists for this member (another one only during an identity rotation).
    byte[] record = PartialWire.encode(partial, identity.forEpoch(partial.epoch()));
    BatchKey key = new BatchKey(partial.type(), partial.batchId(), partial.epoch());
    store.insertOwn(key, partial.digest(), record, clock.instant());
    send(key, PartialWire.kafkaKey(partial), record);
  }

  /** Sends again every own partial of a batch still without a certificate; returns how many. */
  int republish() {
    int n = 0;
    for (ConsensusStore.OwnPartial own : store.ownUncertified(10_000)) {
      Result<PartialEnvelope> p = PartialWire.decode(own.record());
      if (p instanceof Result.Ok<PartialEnvelope> ok) {
        send(own.key(), ok.value().digest().bytes(), own.record());
        n++;
      }
    }
    if (n > 0) {
      log.info("re-published {} own partials of batches without a certificate", n);
    }
    return n;
  }

  private void send(BatchKey key, byte[] kafkaKey, byte[] record) {
    producer.send(
        new ProducerRecord<>(topic, kafkaKey, record),
        (meta, error) -> {
          if (error != null) {
            // The outbox keeps it: the next re-publication sends it again.
            log.warn("partial for {} not sent: {}", key, error.toString());
          } else {
            store.markOwnPublished(key, clock.instant());
          }
        });
  }
}
