package org.fedbridge.validator.governance;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.fedbridge.service.KafkaSettings;
import org.fedbridge.validator.dkg.DkgOutcome;
import org.fedbridge.validator.dkg.DkgService;
import org.fedbridge.validator.dkg.FederationSpec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Reads {@code bridge.governance} from its position in the database and acts on each authentic
 * record once ({@link GovernanceRules}): the record's decision, its sequence and the new position
 * commit in one transaction; a rotation naming this member then runs its DKG in the background (and
 * is resumed after a restart until the DKG ends). Everything refused is counted per reason and
 * never stops the records behind it.
 */
public final class GovernanceFeed implements SmartLifecycle {
  private static final Logger log = LoggerFactory.getLogger(GovernanceFeed.class);
  private final GovernanceRules rules;
  private final DkgService dkg;
  private final JdbcClient jdbc;
  private final TransactionTemplate tx;
  private final KafkaSettings kafka;
  private final GovernanceSettings settings;
  private final Clock clock;
  private final ExecutorService dkgRuns =
      Executors.newSingleThreadExecutor(
          r -> {
            Thread t = new Thread(r, "governance-dkg");
            t.setDaemon(true);
            return t;
          });
  private volatile KafkaConsumer<byte[], byte[]> consumer;
  private volatile Thread thread;
  private volatile boolean running;

  /** The feed of one member (also what tests of other features build). */
  public static GovernanceFeed forMember(
      org.fedbridge.core.dkg.IdentityPublicKey governanceKey,
      long l1ChainId,
      org.fedbridge.core.types.Address vault,
      long sidechainId,
      org.fedbridge.core.dkg.IdentityPublicKey me,
      DkgService dkg,
      JdbcClient jdbc,
      TransactionTemplate tx,
      KafkaSettings kafka,
      GovernanceSettings settings,
      Clock clock) {
    return new GovernanceFeed(
        new GovernanceRules(governanceKey, l1ChainId, vault, sidechainId, List.of(me)),
        dkg,
        jdbc,
        tx,
        kafka,
        settings,
        clock);
  }

  GovernanceFeed(
      GovernanceRules rules,
      DkgService dkg,
      JdbcClient jdbc,
      TransactionTemplate tx,
      KafkaSettings kafka,
      GovernanceSettings settings,
      Clock clock) {
    this.rules = rules;
    this.dkg = dkg;
    this.jdbc = jdbc;
    this.tx = tx;
    this.kafka = kafka;
    this.settings = settings;
    this.clock = clock;
  }

  @Override
  public void start() {
    resumeDkgs();
    Map<String, Object> config = kafka.clientProperties();
    config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
    consumer =
        new KafkaConsumer<>(config, new ByteArrayDeserializer(), new ByteArrayDeserializer());
    running = true;
    thread = new Thread(this::loop, "governance-feed");
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
    try {
      Thread t = thread;
      if (t != null) {
        t.join(10_000);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    dkgRuns.shutdownNow();
  }

  @Override
  public boolean isRunning() {
    return running;
  }

  private void loop() {
    try {
      TopicPartition p = new TopicPartition(settings.topic(), 0);
      consumer.assign(List.of(p));
      Optional<Long> next = position(p);
      if (next.isPresent()) {
        consumer.seek(p, next.get());
      } else {
        consumer.seekToBeginning(List.of(p));
      }
      while (running) {
        ConsumerRecords<byte[], byte[]> batch = consumer.poll(settings.poll());
        for (ConsumerRecord<byte[], byte[]> r : batch) {
          GovernanceRules.Decision d =
              tx.execute(
                  s -> {
                    GovernanceRules.Decision decision = apply(r.value());
                    jdbc.sql(
                            "INSERT INTO consumer_offsets (topic, partition, next_offset, updated_at)"
                                + " VALUES (:t, :p, :o, now()) ON CONFLICT (topic, partition)"
                                + " DO UPDATE SET next_offset = :o, updated_at = now()")
                        .param("t", r.topic())
                        .param("p", r.partition())
                        .param("o", r.offset() + 1)
                        .update();
                    return decision;
                  });
          if (d instanceof GovernanceRules.Decision.RunDkg run) {
            startDkg(run.governance().sequence(), run.spec());
          }
        }
      }
    } catch (WakeupException e) {
      // stopping
    } catch (RuntimeException e) {
      log.error("governance feed stopped: {}", e.toString(), e);
    } finally {
      consumer.close(Duration.ofSeconds(5));
    }
  }

  private Optional<Long> position(TopicPartition p) {
    return jdbc.sql("SELECT next_offset FROM consumer_offsets WHERE topic = :t AND partition = :p")
        .param("t", p.topic())
        .param("p", p.partition())
        .query(Long.class)
        .optional();
  }

  /** Decides on one record and records what it did (in the caller's transaction). */
  GovernanceRules.Decision apply(byte[] bytes) {
    long last =
        jdbc.sql("SELECT coalesce(max(sequence), 0) FROM governance_applied")
            .query(Long.class)
            .single();
    GovernanceRules.Decision d = rules.decide(bytes, last);
    if (d instanceof GovernanceRules.Decision.Refused refused) {
      log.warn("governance record refused: {}", refused.reason());
      jdbc.sql(
              "INSERT INTO governance_refused VALUES (:r, 1) ON CONFLICT (reason)"
                  + " DO UPDATE SET count = governance_refused.count + 1")
          .param("r", refused.reason())
          .update();
    } else if (d instanceof GovernanceRules.Decision.Noted noted) {
      insert(noted.governance(), "NOTED", noted.what(), null);
      log.info("governance record {}: {}", noted.governance().sequence(), noted.what());
    } else if (d instanceof GovernanceRules.Decision.CertifyTokenConfig t) {
      TokenConfigs.record(jdbc, t.governance(), t.config(), clock);
      log.info(
          "governance record {}: token config of {} at governance nonce {}",
          t.governance().sequence(),
          t.config().token(),
          t.config().governanceNonce());
    } else if (d instanceof GovernanceRules.Decision.CertifyPauserUpdate p) {
      PauseGovernance.record(jdbc, p.governance(), p.update(), clock);
      log.info(
          "governance record {}: pauser update of {} (enabled {}) at governance nonce {}",
          p.governance().sequence(),
          p.update().pauser(),
          p.update().enabled(),
          p.update().governanceNonce());
    } else if (d instanceof GovernanceRules.Decision.CertifyUnpause u) {
      PauseGovernance.record(jdbc, u.governance(), u.unpause(), clock);
      log.info(
          "governance record {}: unpause of pause {} at governance nonce {}",
          u.governance().sequence(),
          u.unpause().pauseCount(),
          u.unpause().governanceNonce());
    } else if (d instanceof GovernanceRules.Decision.RunDkg run) {
      insert(run.governance(), "DKG", "DKG of epoch " + run.spec().epoch(), run.spec().json());
      log.info(
          "governance record {}: this member runs the DKG of epoch {} (attempt {})",
          run.governance().sequence(),
          run.spec().epoch(),
          run.spec().attempt());
    }
    return d;
  }

  private void insert(
      org.fedbridge.core.wire.Governance g, String decision, String detail, String spec) {
    insert(jdbc, g, decision, detail, spec, clock);
  }

  static void insert(
      JdbcClient jdbc,
      org.fedbridge.core.wire.Governance g,
      String decision,
      String detail,
      String spec,
      Clock clock) {
    jdbc.sql(
            "INSERT INTO governance_applied (sequence, proposal_id, action, decision, detail, spec,"
                + " applied_at) VALUES (:s, :p, :a, :d, :detail, :spec, :at)")
        .param("s", g.sequence())
        .param("p", g.proposalId())
        .param("a", g.action().code())
        .param("d", decision)
        .param("detail", detail)
        .param("spec", spec)
        .param("at", Timestamp.from(clock.instant()))
        .update();
  }

  private void startDkg(long sequence, FederationSpec spec) {
    dkgRuns.submit(
        () -> {
          DkgOutcome outcome = dkg.run(spec);
          log.info("DKG of epoch {} (governance record {}): {}", spec.epoch(), sequence, outcome);
          jdbc.sql("UPDATE governance_applied SET outcome = :o WHERE sequence = :s")
              .param(
                  "o",
                  outcome.toString().length() > 500
                      ? outcome.toString().substring(0, 500)
                      : outcome.toString())
              .param("s", sequence)
              .update();
        });
  }

  /**
   * DKGs a previous run started and did not see end are resumed (DkgService picks up its state).
   */
  private void resumeDkgs() {
    List<Map.Entry<Long, String>> open =
        jdbc.sql(
                "SELECT sequence, spec FROM governance_applied"
                    + " WHERE decision = 'DKG' AND outcome IS NULL ORDER BY sequence")
            .query((rs, n) -> Map.entry(rs.getLong(1), rs.getString(2)))
            .list();
    for (Map.Entry<Long, String> e : open) {
      var spec = FederationSpec.parse(e.getValue());
      if (spec.isOk()) {
        startDkg(e.getKey(), spec.orThrow());
      }
    }
  }
}
