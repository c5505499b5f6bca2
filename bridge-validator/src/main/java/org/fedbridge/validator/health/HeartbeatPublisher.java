package org.fedbridge.validator.health;

import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.fedbridge.core.types.UInt256;
import org.fedbridge.validator.consensus.BatchKey;
import org.fedbridge.validator.consensus.ConsensusStatus;
import org.fedbridge.validator.federation.EpochView;
import org.fedbridge.validator.federation.Federations;
import org.fedbridge.validator.keys.IdentitySigner;
import org.fedbridge.validator.watch.WatchStatus;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.SmartLifecycle;

/**
 * Publishes a signed heartbeat on {@code bridge.heartbeats} every {@code interval}: epoch and
 * index, L1 and sidechain heads and cursors (hence lag), last batch signed, halted or not, version.
 * Skipped (and counted) while this validator has no identity key yet.
 */
final class HeartbeatPublisher implements SmartLifecycle {
  private static final Logger log = LoggerFactory.getLogger(HeartbeatPublisher.class);

  private final Producer<byte[], byte[]> producer;
  private final String topic;
  private final String operatorId;
  private final ObjectProvider<IdentitySigner> identity;
  private final ObjectProvider<Federations> federations;
  private final ObjectProvider<WatchStatus> watch;
  private final ConsensusStatus consensus;
  private final Clock clock;
  private final Duration interval;
  private final MeterRegistry registry;
  private final String version;
  private final boolean enabled;
  private ScheduledExecutorService timer;

  HeartbeatPublisher(
      Producer<byte[], byte[]> producer,
      String topic,
      String operatorId,
      ObjectProvider<IdentitySigner> identity,
      ObjectProvider<Federations> federations,
      ObjectProvider<WatchStatus> watch,
      ConsensusStatus consensus,
      Clock clock,
      Duration interval,
      MeterRegistry registry,
      String version,
      boolean enabled) {
    this.enabled = enabled;
    this.producer = producer;
    this.topic = topic;
    this.operatorId = operatorId;
    this.identity = identity;
    this.federations = federations;
    this.watch = watch;
    this.consensus = consensus;
    this.clock = clock;
    this.interval = interval;
    this.registry = registry;
    this.version = version;
  }

  /** The heartbeat as of now. */
  Heartbeat current() {
    Optional<EpochView> epoch =
        Optional.ofNullable(federations.getIfAvailable()).flatMap(Federations::current);
    WatchStatus w = watch.getIfAvailable();
    Optional<BatchKey> last = consensus.lastSigned();
    return new Heartbeat(
        operatorId,
        epoch.map(EpochView::epoch).orElse(0L),
        epoch
            .flatMap(
                e ->
                    e.myIndex().isPresent()
                        ? Optional.of(e.myIndex().getAsInt())
                        : Optional.empty())
            .orElse(0),
        clock.millis(),
        w == null ? 0 : Math.max(0, w.l1Head()),
        w == null ? 0 : Math.max(0, w.l1SafeHead()),
        w == null ? 0 : Math.max(0, w.l1Cursor()),
        w == null ? 0 : Math.max(0, w.sidechainHead()),
        w == null ? 0 : Math.max(0, w.sidechainCursor()),
        last.map(k -> k.type().ordinal() + 1).orElse(0),
        last.map(BatchKey::batchId).orElse(UInt256.ZERO),
        last.map(BatchKey::epoch).orElse(0L),
        w == null ? Optional.empty() : w.haltReason(),
        version);
  }

  void publishOnce() {
    IdentitySigner signer = identity.getIfAvailable();
    if (signer == null) {
      registry.counter("fedbridge.validator.heartbeats", "outcome", "no_identity").increment();
      return;
    }
    Heartbeat h = current();
    if (!h.encodable()) {
      registry.counter("fedbridge.validator.heartbeats", "outcome", "bad_operator_id").increment();
      return;
    }
    var record = HeartbeatWire.encode(h, signer.forEpoch(h.epoch()));
    producer.send(
        new ProducerRecord<>(topic, record.kafkaKey(), record.encode()),
        (meta, error) ->
            registry
                .counter(
                    "fedbridge.validator.heartbeats", "outcome", error == null ? "sent" : "failed")
                .increment());
  }

  @Override
  public synchronized void start() {
    if (timer == null && enabled) {
      timer =
          Executors.newSingleThreadScheduledExecutor(
              r -> {
                Thread t = new Thread(r, "heartbeat");
                t.setDaemon(true);
                return t;
              });
      timer.scheduleAtFixedRate(this::safePublish, 0, interval.toMillis(), TimeUnit.MILLISECONDS);
    }
  }

  private void safePublish() {
    try {
      publishOnce();
    } catch (RuntimeException e) {
      // A failed heartbeat must not cancel the schedule.
      log.warn("heartbeat not published: {}", e.toString());
    }
  }

  @Override
  public synchronized void stop() {
    if (timer != null) {
      timer.shutdownNow();
      timer = null;
    }
  }

  @Override
  public synchronized boolean isRunning() {
    return timer != null;
  }
}
