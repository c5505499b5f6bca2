package org.fedbridge.admin.governance;

import java.time.Clock;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.fedbridge.admin.AdminProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Sends the governance log's unsent records to {@code bridge.governance} in sequence order and
 * marks each once Kafka has acknowledged it ({@code acks=all}, idempotent producer). A crash
 * between sending and marking sends the record again: consumers act on each sequence once.
 */
@Component
class GovernanceSender implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(GovernanceSender.class);
  private final GovernanceLog governanceLog;
  private final KafkaProducer<byte[], byte[]> producer;
  private final String topic;
  private final Clock clock;

  GovernanceSender(GovernanceLog governanceLog, AdminProperties properties, Clock clock) {
    this.governanceLog = governanceLog;
    this.topic = properties.topics().governance();
    this.clock = clock;
    Map<String, Object> config = properties.kafka().clientProperties();
    config.put(ProducerConfig.ACKS_CONFIG, "all");
    config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
    config.put(ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION, 1);
    config.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 30_000);
    config.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 10_000);
    this.producer =
        new KafkaProducer<>(config, new ByteArraySerializer(), new ByteArraySerializer());
  }

  /** Sends what is unsent, in order; stops at the first failure (order matters). */
  int sendPending() {
    int sent = 0;
    for (GovernanceLog.Entry e : governanceLog.unsent()) {
      try {
        producer
            .send(new ProducerRecord<>(topic, key(e.sequence()), e.record()))
            .get(35, TimeUnit.SECONDS);
      } catch (InterruptedException ie) {
        Thread.currentThread().interrupt();
        return sent;
      } catch (ExecutionException | TimeoutException ex) {
        log.warn("governance record {} not sent yet: {}", e.sequence(), ex.getMessage());
        return sent;
      }
      governanceLog.sent(e.sequence(), clock.instant());
      log.info(
          "governance record {} (proposal {}, {}) published",
          e.sequence(),
          e.proposalId(),
          e.action());
      sent++;
    }
    return sent;
  }

  private static byte[] key(long sequence) {
    return java.nio.ByteBuffer.allocate(8).putLong(sequence).array();
  }

  @Override
  public void close() {
    producer.close(java.time.Duration.ofSeconds(5));
  }
}
