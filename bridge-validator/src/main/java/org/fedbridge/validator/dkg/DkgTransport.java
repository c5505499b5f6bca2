package org.fedbridge.validator.dkg;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.fedbridge.core.types.Bytes32;
import org.fedbridge.service.KafkaSettings;

/**
 * The {@code bridge.dkg} topic (one partition: one total order for every member): records keyed by
 * session id, {@code DkgCodec} bytes as values. The consumer reads by position, without a consumer
 * group; the position lives in the member's database with the records it accepted.
 */
final class DkgTransport implements DkgLink, AutoCloseable {
  /** One record read from the topic. */
  record Read(long offset, byte[] key, byte[] value) {}

  private final TopicPartition partition;
  private final KafkaProducer<byte[], byte[]> producer;
  private final KafkaConsumer<byte[], byte[]> consumer;
  private long position = -1;

  DkgTransport(KafkaSettings kafka, String topic, String clientId) {
    this.partition = new TopicPartition(topic, 0);
    Map<String, Object> p = kafka.clientProperties();
    p.put(ProducerConfig.CLIENT_ID_CONFIG, clientId + "-dkg-producer");
    p.put(ProducerConfig.ACKS_CONFIG, "all");
    p.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
    p.put(ProducerConfig.LINGER_MS_CONFIG, 0);
    p.put(ProducerConfig.MAX_REQUEST_SIZE_CONFIG, 4 * 1024 * 1024);
    this.producer = new KafkaProducer<>(p, new ByteArraySerializer(), new ByteArraySerializer());
    Map<String, Object> c = kafka.clientProperties();
    c.put(ConsumerConfig.CLIENT_ID_CONFIG, clientId + "-dkg-consumer");
    c.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
    c.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
    c.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 500);
    this.consumer =
        new KafkaConsumer<>(c, new ByteArrayDeserializer(), new ByteArrayDeserializer());
    consumer.assign(List.of(partition));
  }

  /** The first offset still on the topic (where a new session starts reading). */
  @Override
  public long earliest() {
    return consumer.beginningOffsets(List.of(partition), Duration.ofSeconds(30)).get(partition);
  }

  /** Appends records in this order (one producer, one partition: they stay in order) and waits. */
  @Override
  public void publish(Bytes32 session, List<byte[]> records) {
    List<Future<RecordMetadata>> sent = new ArrayList<>();
    for (byte[] r : records) {
      sent.add(producer.send(new ProducerRecord<>(partition.topic(), 0, session.bytes(), r)));
    }
    for (Future<RecordMetadata> f : sent) {
      try {
        f.get(60, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("interrupted while publishing to " + partition, e);
      } catch (ExecutionException | TimeoutException e) {
        throw new IllegalStateException("cannot publish to " + partition + ": " + e, e);
      }
    }
  }

  /** The records from {@code from} on that arrive within {@code wait}. */
  @Override
  public List<Read> poll(long from, Duration wait) {
    if (position != from) {
      consumer.seek(partition, from);
      position = from;
    }
    List<Read> out = new ArrayList<>();
    for (ConsumerRecord<byte[], byte[]> r : consumer.poll(wait)) {
      out.add(new Read(r.offset(), r.key(), r.value()));
      position = r.offset() + 1;
    }
    return out;
  }

  @Override
  public void close() {
    producer.close(Duration.ofSeconds(5));
    consumer.close(Duration.ofSeconds(5));
  }
}
