package org.fedbridge.validator.consensus;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.dao.DataAccessException;
import org.springframework.transaction.TransactionException;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The consensus thread: reads {@code bridge.partials} and {@code bridge.certificates} from the
 * positions stored in this validator's database, hands each record to the {@link ConsensusEngine}
 * and stores the new positions in the same transaction as the records' effects. A record that
 * cannot be used is counted and skipped, never retried and never in the way of the ones behind it;
 * only a database failure makes the loop read the same records again (from the stored positions).
 */
final class ConsensusLoop implements SmartLifecycle {
  private static final Logger log = LoggerFactory.getLogger(ConsensusLoop.class);
  private static final Duration DB_RETRY = Duration.ofSeconds(1);

  private final Supplier<Consumer<byte[], byte[]>> consumers;
  private final ConsensusEngine engine;
  private final ConsensusStore store;
  private final ConsensusMetrics metrics;
  private final KafkaPartialPublisher publisher;
  private final CertificateResender resender;
  private final TransactionTemplate tx;
  private final Clock clock;
  private final String partialsTopic;
  private final String certificatesTopic;
  private final Duration pollTimeout;
  private final Duration republishInterval;
  private static final Duration STARTUP_CATCH_UP = Duration.ofSeconds(10);

  private final CountDownLatch stopped = new CountDownLatch(1);
  private final CountDownLatch caughtUpOnce = new CountDownLatch(1);
  private volatile Thread thread;
  private volatile Consumer<byte[], byte[]> consumer;
  private volatile boolean caughtUp;
  private volatile Instant lastPoll;
  private final java.util.concurrent.atomic.AtomicLong databaseFailures =
      new java.util.concurrent.atomic.AtomicLong();

  /** Sends the certificates combined here that Kafka never acknowledged. */
  interface CertificateResender {
    void resendUnpublished();
  }

  ConsensusLoop(
      Supplier<Consumer<byte[], byte[]>> consumers,
      ConsensusEngine engine,
      ConsensusStore store,
      ConsensusMetrics metrics,
      KafkaPartialPublisher publisher,
      CertificateResender resender,
      TransactionTemplate tx,
      Clock clock,
      String partialsTopic,
      String certificatesTopic,
      Duration pollTimeout,
      Duration republishInterval) {
    this.consumers = consumers;
    this.engine = engine;
    this.store = store;
    this.metrics = metrics;
    this.publisher = publisher;
    this.resender = resender;
    this.tx = tx;
    this.clock = clock;
    this.partialsTopic = partialsTopic;
    this.certificatesTopic = certificatesTopic;
    this.pollTimeout = pollTimeout;
    this.republishInterval = republishInterval;
  }

  @Override
  public synchronized void start() {
    if (thread == null) {
      thread = new Thread(this::run, "consensus");
      thread.setDaemon(true);
      thread.start();
      // Start-up waits (bounded) for the certificates written so far, so that the service reports
      // ready with them known; a long backlog or an absent broker shows in readiness instead.
      try {
        caughtUpOnce.await(STARTUP_CATCH_UP.toMillis(), TimeUnit.MILLISECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }

  @Override
  public void stop() {
    stopped.countDown();
    Consumer<byte[], byte[]> c = consumer;
    if (c != null) {
      c.wakeup();
    }
    Thread t = thread;
    if (t != null) {
      try {
        t.join(TimeUnit.SECONDS.toMillis(10));
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }

  @Override
  public boolean isRunning() {
    Thread t = thread;
    return t != null && t.isAlive();
  }

  /** Whether the certificates topic has been read up to where it stood at start-up. */
  boolean caughtUp() {
    return caughtUp;
  }

  /** How often the loop started over because the database failed. */
  long databaseFailures() {
    return databaseFailures.get();
  }

  /** When the loop last came back from a poll (a stalled loop shows in health). */
  Instant lastPoll() {
    return lastPoll;
  }

  private void run() {
    while (stopped.getCount() > 0) {
      try (Consumer<byte[], byte[]> c = consumers.get()) {
        consumer = c;
        engine.load();
        resender.resendUnpublished();
        List<TopicPartition> partitions = assign(c);
        Map<TopicPartition, Long> startEnds =
            c.endOffsets(
                partitions.stream().filter(p -> p.topic().equals(certificatesTopic)).toList());
        Instant nextRepublish = Instant.MIN;
        while (stopped.getCount() > 0) {
          ConsumerRecords<byte[], byte[]> records = c.poll(pollTimeout);
          lastPoll = clock.instant();
          if (!records.isEmpty()) {
            process(records);
          }
          engine.tick();
          if (!caughtUp
              && startEnds.entrySet().stream()
                  .allMatch(e -> c.position(e.getKey()) >= e.getValue())) {
            caughtUp = true;
            engine.live();
            caughtUpOnce.countDown();
          }
          if (caughtUp && !clock.instant().isBefore(nextRepublish)) {
            publisher.republish();
            nextRepublish = clock.instant().plus(republishInterval);
          }
        }
      } catch (WakeupException e) {
        return;
      } catch (DataAccessException | TransactionException e) {
        databaseFailures.incrementAndGet();
        log.warn(
            "consensus: database unavailable, reading again from stored positions: {}",
            e.toString());
        await(DB_RETRY);
      } catch (RuntimeException e) {
        log.error("consensus loop failed; restarting it from stored positions", e);
        await(DB_RETRY);
      }
    }
  }

  private List<TopicPartition> assign(Consumer<byte[], byte[]> c) {
    List<TopicPartition> partitions = new ArrayList<>();
    for (String topic : List.of(partialsTopic, certificatesTopic)) {
      for (PartitionInfo p : c.partitionsFor(topic)) {
        partitions.add(new TopicPartition(topic, p.partition()));
      }
    }
    c.assign(partitions);
    Map<TopicPartition, Long> stored = store.offsets(List.of(partialsTopic, certificatesTopic));
    List<TopicPartition> fresh = new ArrayList<>();
    for (TopicPartition tp : partitions) {
      Long next = stored.get(tp);
      if (next == null) {
        fresh.add(tp);
      } else {
        c.seek(tp, next);
      }
    }
    c.seekToBeginning(fresh);
    return partitions;
  }

  /** One poll's records and their positions, in one transaction. */
  private void process(ConsumerRecords<byte[], byte[]> records) {
    tx.executeWithoutResult(
        s -> {
          for (ConsumerRecord<byte[], byte[]> r : records) {
            handle(r);
          }
          for (TopicPartition tp : records.partitions()) {
            List<ConsumerRecord<byte[], byte[]>> rs = records.records(tp);
            store.saveOffset(tp, rs.get(rs.size() - 1).offset() + 1);
          }
        });
    engine.afterCommit();
  }

  private void handle(ConsumerRecord<byte[], byte[]> r) {
    try {
      if (r.topic().equals(partialsTopic)) {
        if (r.value() == null || r.value().length > 4 * PartialWire.LENGTH) {
          metrics.skipped(r.topic(), r.value() == null ? "empty" : "oversized");
        } else {
          engine.onPartial(r.value());
        }
      } else {
        engine.onCertificate(r.topic(), r.value());
      }
    } catch (DataAccessException e) {
      throw e;
    } catch (RuntimeException e) {
      // SECURITY: a record that trips a bug is skipped, never allowed to stall the consumer.
      metrics.skipped(r.topic(), "internal_error");
      log.error("record {}-{}@{} skipped", r.topic(), r.partition(), r.offset(), e);
    }
  }

  private void await(Duration d) {
    try {
      stopped.await(d.toMillis(), TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      stopped.countDown();
    }
  }
}
