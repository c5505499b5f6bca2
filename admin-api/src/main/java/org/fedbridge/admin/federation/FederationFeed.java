package org.fedbridge.admin.federation;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.fedbridge.admin.AdminProperties;
import org.fedbridge.admin.chain.Deployment;
import org.fedbridge.core.bls.PublicKey;
import org.fedbridge.core.types.Hex;
import org.fedbridge.core.types.Result;
import org.fedbridge.core.wire.CertificateBody.EpochChangeBody;
import org.fedbridge.core.wire.CertificateRecord;
import org.fedbridge.core.wire.GovernanceAction.RotationMember;
import org.fedbridge.core.wire.HeartbeatRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Reads {@code bridge.heartbeats} and {@code bridge.certificates} from its own position in the
 * database; each batch of records and the new position commit in one transaction. Kafka is
 * untrusted: a heartbeat counts only under the identity key of a member the console knows and with
 * that member's operator id; a certificate counts only if it verifies under its epoch's group key.
 * Everything else is counted as refused and skipped; nothing stops the records behind it.
 */
@Component
class FederationFeed implements SmartLifecycle {
  private static final Logger log = LoggerFactory.getLogger(FederationFeed.class);
  private final FeedStore store;
  private final Roster roster;
  private final GroupKeys groupKeys;
  private final Deployment deployment;
  private final TransactionTemplate tx;
  private final Clock clock;
  private final AdminProperties properties;
  private volatile KafkaConsumer<byte[], byte[]> consumer;
  private volatile Thread thread;
  private volatile boolean running;
  private long lastVerify = System.nanoTime() - 10_000_000_000L;

  FederationFeed(
      FeedStore store,
      Roster roster,
      GroupKeys groupKeys,
      Deployment deployment,
      TransactionTemplate tx,
      Clock clock,
      AdminProperties properties) {
    this.store = store;
    this.roster = roster;
    this.groupKeys = groupKeys;
    this.deployment = deployment;
    this.tx = tx;
    this.clock = clock;
    this.properties = properties;
  }

  @Override
  public void start() {
    Map<String, Object> config = properties.kafka().clientProperties();
    config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
    config.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 500);
    consumer =
        new KafkaConsumer<>(config, new ByteArrayDeserializer(), new ByteArrayDeserializer());
    running = true;
    thread = new Thread(this::loop, "federation-feed");
    thread.setDaemon(true);
    thread.start();
  }

  @Override
  public void stop() {
    running = false;
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
    return running;
  }

  private void loop() {
    try {
      assign();
      while (running) {
        ConsumerRecords<byte[], byte[]> batch = consumer.poll(Duration.ofMillis(500));
        if (!batch.isEmpty()) {
          tx.executeWithoutResult(s -> apply(batch));
        }
        verifyPending();
      }
    } catch (WakeupException e) {
      // stopping
    } catch (RuntimeException e) {
      log.error("federation feed stopped: {}", e.toString(), e);
    } finally {
      consumer.close(Duration.ofSeconds(5));
    }
  }

  private void assign() {
    List<TopicPartition> partitions = new ArrayList<>();
    for (String topic :
        List.of(properties.topics().heartbeats(), properties.topics().certificates())) {
      consumer
          .partitionsFor(topic)
          .forEach(p -> partitions.add(new TopicPartition(topic, p.partition())));
    }
    consumer.assign(partitions);
    for (TopicPartition p : partitions) {
      Long next = store.offsets(p.topic()).get(p.partition());
      if (next == null) {
        consumer.seekToBeginning(List.of(p));
      } else {
        consumer.seek(p, next);
      }
    }
  }

  private void apply(ConsumerRecords<byte[], byte[]> batch) {
    for (ConsumerRecord<byte[], byte[]> r : batch) {
      if (r.topic().equals(properties.topics().heartbeats())) {
        heartbeat(r.value());
      } else {
        certificate(r.value());
      }
      store.offset(r.topic(), r.partition(), r.offset() + 1);
    }
  }

  void heartbeat(byte[] bytes) {
    String topic = properties.topics().heartbeats();
    Result<HeartbeatRecord> decoded = HeartbeatRecord.decode(bytes);
    if (!decoded.isOk()) {
      store.refused(topic, "malformed (" + decoded.rejection() + ")");
      return;
    }
    HeartbeatRecord record = decoded.orThrow();
    if (!record.authenticate().isOk()) {
      store.refused(topic, "bad identity signature");
      return;
    }
    // SECURITY: a heartbeat speaks only for a member the console knows, under its own operator
    // id: nobody can report another validator as halted, lagging or healthy.
    Optional<RotationMember> member = knownMember(record);
    if (member.isEmpty()) {
      store.refused(topic, "unknown identity key");
      return;
    }
    if (!member.get().operatorId().equals(record.heartbeat().operatorId())) {
      store.refused(topic, "operator id does not match the identity key");
      return;
    }
    store.heartbeat(record.heartbeat(), clock.instant());
  }

  private Optional<RotationMember> knownMember(HeartbeatRecord record) {
    for (EpochView e : roster.history()) {
      if (e.state().equals("ABANDONED")) {
        continue;
      }
      for (RotationMember m : e.members()) {
        if (m.identityKey().equals(record.heartbeat().identityKey())) {
          return Optional.of(m);
        }
      }
    }
    return Optional.empty();
  }

  void certificate(byte[] bytes) {
    String topic = properties.topics().certificates();
    Result<CertificateRecord> decoded = CertificateRecord.decode(bytes);
    if (!decoded.isOk()) {
      store.refused(topic, "malformed (" + decoded.rejection() + ")");
      return;
    }
    CertificateRecord c = decoded.orThrow();
    Optional<PublicKey> key = groupKeys.of(c.epoch());
    Boolean verified = key.map(k -> c.verify(k, deployment.domain(c.epoch()))).orElse(null);
    if (Boolean.FALSE.equals(verified)) {
      store.refused(topic, "does not verify under its epoch's group key");
      return;
    }
    store.certificate(c, c.digest(deployment.domain(c.epoch())).toHex(), clock.instant(), verified);
    if (Boolean.TRUE.equals(verified)) {
      learn(c);
    }
  }

  private void learn(CertificateRecord c) {
    if (c.body() instanceof EpochChangeBody e) {
      long next = e.epochChange().newEpoch().value().longValueExact();
      groupKeys.learn(next, e.epochChange().newGroupKey());
      roster.groupKey(next, Hex.encode(e.epochChange().newGroupKey().toCompressed()));
    }
  }

  private void verifyPending() {
    long now = System.nanoTime();
    if (now - lastVerify < 5_000_000_000L) {
      return;
    }
    lastVerify = now;
    List<FeedStore.StoredCertificate> pending = store.unverified();
    for (FeedStore.StoredCertificate s : pending) {
      Optional<PublicKey> key = groupKeys.of(s.epoch());
      if (key.isEmpty()) {
        continue;
      }
      CertificateRecord c = CertificateRecord.decode(s.record()).orThrow();
      boolean ok = c.verify(key.get(), deployment.domain(c.epoch()));
      tx.executeWithoutResult(
          st -> {
            store.verified(s, ok);
            if (ok) {
              learn(c);
            } else {
              store.refused(
                  properties.topics().certificates(),
                  "does not verify under its epoch's group key");
            }
          });
    }
  }
}
