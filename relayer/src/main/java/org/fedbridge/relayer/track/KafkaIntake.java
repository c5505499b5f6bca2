package org.fedbridge.relayer.track;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.fedbridge.relayer.Leadership;
import org.fedbridge.relayer.LoopLog;
import org.fedbridge.service.KafkaSettings;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Reads one Kafka topic from all its partitions with a plain consumer (no group: every relayer
 * reads everything) and applies each poll's records in one database transaction together with the
 * next offsets, so a restart resumes exactly after the last applied record. A handler that cannot
 * finish (a node is down) rolls the transaction back and the same records are read again.
 */
abstract class KafkaIntake implements SmartLifecycle {
  private static final Logger log = LoggerFactory.getLogger(KafkaIntake.class);
  private static final Duration POLL = Duration.ofMillis(200);
  private static final long RETRY_MILLIS = 1000;

  private final KafkaSettings kafka;
  private final String topic;
  private final ConsumerOffsetRepository offsets;
  private final TransactionTemplate tx;
  private final Clock clock;
  private final LoopLog problems;
  private final Leadership leadership;
  private final CountDownLatch stopping = new CountDownLatch(1);
  private volatile Thread thread;
  private volatile KafkaConsumer<byte[], byte[]> consumer;

  KafkaIntake(
      KafkaSettings kafka,
      String topic,
      ConsumerOffsetRepository offsets,
      TransactionTemplate tx,
      Clock clock,
      Leadership leadership) {
    this.kafka = kafka;
    this.leadership = leadership;
    this.topic = topic;
    this.offsets = offsets;
    this.tx = tx;
    this.clock = clock;
    this.problems = new LoopLog(log, "Kafka intake of " + topic);
  }

  /** Applies one record inside the poll's transaction; must not throw on bad record bytes. */
  abstract void handle(ConsumerRecord<byte[], byte[]> record) throws java.io.IOException;

  @Override
  public void start() {
    thread = new Thread(this::run, "kafka-" + topic);
    thread.setDaemon(true);
    thread.start();
  }

  @Override
  public void stop() {
    stopping.countDown();
    KafkaConsumer<byte[], byte[]> c = consumer;
    if (c != null) {
      c.wakeup();
    }
    Thread t = thread;
    if (t != null) {
      try {
        t.join(10_000);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }

  @Override
  public boolean isRunning() {
    return thread != null && thread.isAlive();
  }

  private void run() {
    while (stopping.getCount() > 0) {
      if (!leadership.isLeader()) {
        awaitRetry(); // another instance reads Kafka
        continue;
      }
      Map<String, Object> props = new HashMap<>(kafka.clientProperties());
      props.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
      props.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
      props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
      props.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 500);
      try (KafkaConsumer<byte[], byte[]> c = new KafkaConsumer<>(props)) {
        consumer = c;
        assignFromStoredOffsets(c);
        while (stopping.getCount() > 0 && leadership.isLeader()) {
          ConsumerRecords<byte[], byte[]> records = c.poll(POLL);
          if (!records.isEmpty()) {
            tx.executeWithoutResult(s -> apply(records));
          }
          problems.clear();
        }
      } catch (WakeupException e) {
        return;
      } catch (RuntimeException e) {
        // Rolled back: the next consumer resumes from the stored offsets.
        problems.report(e);
        awaitRetry();
      }
    }
  }

  private void assignFromStoredOffsets(KafkaConsumer<byte[], byte[]> c) {
    List<PartitionInfo> infos = c.partitionsFor(topic, Duration.ofSeconds(30));
    if (infos == null || infos.isEmpty()) {
      throw new IllegalStateException("Kafka topic " + topic + " does not exist yet");
    }
    List<TopicPartition> partitions = new ArrayList<>();
    for (PartitionInfo p : infos) {
      partitions.add(new TopicPartition(topic, p.partition()));
    }
    c.assign(partitions);
    Map<Integer, Long> stored = new HashMap<>();
    offsets.findByKeyTopic(topic).forEach(o -> stored.put(o.key.partition(), o.nextOffset));
    for (TopicPartition tp : partitions) {
      Long next = stored.get(tp.partition());
      if (next == null) {
        c.seekToBeginning(List.of(tp));
      } else {
        c.seek(tp, next);
      }
    }
  }

  private void apply(ConsumerRecords<byte[], byte[]> records) {
    for (TopicPartition tp : records.partitions()) {
      long next = -1;
      for (ConsumerRecord<byte[], byte[]> r : records.records(tp)) {
        try {
          handle(r);
        } catch (java.io.IOException e) {
          throw new IllegalStateException(
              "cannot apply " + topic + " record: " + e.getMessage(), e);
        }
        next = r.offset() + 1;
      }
      ConsumerOffsetEntity o =
          offsets
              .findById(new ConsumerOffsetEntity.Key(topic, tp.partition()))
              .orElseGet(() -> new ConsumerOffsetEntity(topic, tp.partition(), 0, clock.instant()));
      o.nextOffset = next;
      o.updatedAt = clock.instant();
      offsets.save(o);
    }
  }

  private void awaitRetry() {
    try {
      stopping.await(RETRY_MILLIS, TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
