package org.fedbridge.validator.consensus;

import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Puts certificates combined here on {@code bridge.certificates} (compacted, keyed by type and
 * batch id). A certificate stays marked unpublished until Kafka acknowledges it and is sent again
 * at the next start; duplicates are harmless (same key, and every reader verifies).
 */
final class KafkaCertificateOutbox
    implements ConsensusEngine.CertificateOutbox, ConsensusLoop.CertificateResender {
  private static final Logger log = LoggerFactory.getLogger(KafkaCertificateOutbox.class);

  private final Producer<byte[], byte[]> producer;
  private final String topic;
  private final ConsensusStore store;

  KafkaCertificateOutbox(Producer<byte[], byte[]> producer, String topic, ConsensusStore store) {
    this.producer = producer;
    this.topic = topic;
    this.store = store;
  }

  @Override
  public void send(BatchKey key, byte[] kafkaKey, byte[] record) {
    producer.send(
        new ProducerRecord<>(topic, kafkaKey, record),
        (meta, error) -> {
          if (error != null) {
            log.warn("certificate {} not published yet: {}", key, error.toString());
          } else {
            store.markPublished(key);
          }
        });
  }

  @Override
  public void resendUnpublished() {
    for (Certificate c : store.unpublished()) {
      send(c.key(), CertificateWire.kafkaKey(c.key().type(), c.key().batchId()), c.record());
    }
  }
}
