package org.fedbridge.validator.testing;

import static org.awaitility.Awaitility.await;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.fedbridge.core.dkg.IdentityKey;
import org.fedbridge.core.dkg.IdentityPublicKey;
import org.fedbridge.core.types.Address;
import org.fedbridge.core.wire.Governance;
import org.fedbridge.core.wire.GovernanceAction;
import org.fedbridge.core.wire.GovernanceRecord;
import org.fedbridge.service.KafkaSettings;
import org.fedbridge.service.KafkaTopics;
import org.fedbridge.service.TopicSpec;
import org.fedbridge.testsupport.TestKafka;
import org.fedbridge.validator.governance.GovernanceFeed;
import org.fedbridge.validator.governance.GovernanceSettings;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A test's own {@code bridge.governance} topic on the JVM's real Kafka broker, the admin console's
 * part (publishing signed records for the deployment on {@code l1}), and members' real governance
 * feeds reading it into their own databases.
 */
public final class TestGovernance {
  private static final Duration WAIT = Duration.ofSeconds(60);
  public final String topic = "governance-" + UUID.randomUUID();
  private final L1Chain l1;

  public TestGovernance(L1Chain l1) {
    this.l1 = l1;
    try (Admin admin = Admin.create(Map.of("bootstrap.servers", bootstrap()))) {
      KafkaTopics.ensure(admin, List.of(new TopicSpec(topic, 1, false)));
    }
  }

  private static String bootstrap() {
    return TestKafka.shared().bootstrapServers();
  }

  /** A started feed of a member (no rotation: its DKG service is never reached); stop it after. */
  public GovernanceFeed feed(IdentityPublicKey governanceKey, IdentityPublicKey me, DataSource ds) {
    GovernanceFeed feed =
        GovernanceFeed.forMember(
            governanceKey,
            l1.anvil.chainId(),
            Address.fromHex(l1.vaultAddress),
            L1Chain.SIDECHAIN_ID.longValueExact(),
            me,
            null,
            JdbcClient.create(ds),
            new TransactionTemplate(new DataSourceTransactionManager(ds)),
            new KafkaSettings(bootstrap(), Map.of()),
            new GovernanceSettings(null, topic, Duration.ofMillis(100)),
            Clock.systemUTC());
    feed.start();
    return feed;
  }

  /** Publishes {@code action} as record {@code sequence}, signed by {@code key}. */
  public void publish(long sequence, GovernanceAction action, IdentityKey key) throws Exception {
    GovernanceRecord record =
        GovernanceRecord.unsigned(
                new Governance(
                    l1.anvil.chainId(),
                    Address.fromHex(l1.vaultAddress),
                    L1Chain.SIDECHAIN_ID.longValueExact(),
                    sequence,
                    100 + sequence,
                    0,
                    action),
                key.publicKey())
            .signedBy(key);
    try (var producer =
        new KafkaProducer<byte[], byte[]>(
            Map.of("bootstrap.servers", bootstrap(), "acks", "all"),
            new ByteArraySerializer(),
            new ByteArraySerializer())) {
      producer.send(new ProducerRecord<>(topic, record.kafkaKey(), record.encode())).get();
    }
  }

  /** Publishes and waits until the feed on {@code ds} has read the record. */
  public void publishAndRead(long sequence, GovernanceAction action, IdentityKey key, DataSource ds)
      throws Exception {
    long before = position(ds);
    publish(sequence, action, key);
    await().atMost(WAIT).until(() -> position(ds) > before);
  }

  /** The feed's next offset on this topic, as stored in its database. */
  public long position(DataSource ds) {
    return JdbcClient.create(ds)
        .sql("SELECT coalesce(max(next_offset), 0) FROM consumer_offsets WHERE topic = :t")
        .param("t", topic)
        .query(Long.class)
        .single();
  }

  /** Records the feed on {@code ds} refused, all reasons. */
  public static long refused(DataSource ds) {
    return JdbcClient.create(ds)
        .sql("SELECT coalesce(sum(count), 0) FROM governance_refused")
        .query(Long.class)
        .single();
  }
}
