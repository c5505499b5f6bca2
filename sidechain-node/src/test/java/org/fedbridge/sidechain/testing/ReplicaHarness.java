package org.fedbridge.sidechain.testing;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.fedbridge.sidechain.genesis.Genesis;
import org.fedbridge.sidechain.ledger.LiveLedger;
import org.fedbridge.sidechain.replication.RecordAppender;
import org.fedbridge.sidechain.replication.Replica;
import org.fedbridge.sidechain.store.BlockWriter;
import org.fedbridge.sidechain.store.ChainQueries;
import org.fedbridge.sidechain.store.StoredState;
import org.fedbridge.testsupport.TestKafka;
import org.fedbridge.testsupport.TestPostgres;
import org.flywaydb.core.Flyway;

/** A replica outside Spring, on its own fresh database of the shared test PostgreSQL. */
public final class ReplicaHarness implements AutoCloseable {
  private final HikariDataSource dataSource;
  private final Replica.Store store;
  private final Genesis genesis;
  private final String topic;
  private final int maxTransactions;
  private final int historyBlocks;
  private Replica replica;

  private ReplicaHarness(
      HikariDataSource ds, Genesis genesis, String topic, int maxTransactions, int historyBlocks) {
    this.dataSource = ds;
    this.genesis = genesis;
    this.topic = topic;
    this.maxTransactions = maxTransactions;
    this.historyBlocks = historyBlocks;
    this.store =
        new Replica.Store(
            new BlockWriter(ds, topic, historyBlocks),
            new ChainQueries(ds, topic, genesis.chainId()),
            new StoredState(ds));
  }

  /** Creates (or empties) database {@code name} and migrates it. */
  public static ReplicaHarness create(
      String name, Genesis genesis, String topic, int maxTransactions) {
    return create(name, genesis, topic, maxTransactions, 0);
  }

  /** The same, keeping the state of {@code historyBlocks} blocks before the head readable. */
  public static ReplicaHarness create(
      String name, Genesis genesis, String topic, int maxTransactions, int historyBlocks) {
    TestPostgres pg = TestPostgres.shared();
    return new ReplicaHarness(
        dataSource(pg.createDatabase(name)), genesis, topic, maxTransactions, historyBlocks);
  }

  public static HikariDataSource dataSource(String jdbcUrl) {
    TestPostgres pg = TestPostgres.shared();
    HikariConfig c = new HikariConfig();
    c.setJdbcUrl(jdbcUrl);
    c.setUsername(pg.username());
    c.setPassword(pg.password());
    c.setSchema("sidechain");
    c.setMaximumPoolSize(4);
    c.addDataSourceProperty("reWriteBatchedInserts", "true");
    Flyway.configure()
        .dataSource(jdbcUrl, pg.username(), pg.password())
        .schemas("sidechain")
        .defaultSchema("sidechain")
        .createSchemas(true)
        .locations("classpath:db/migrations/sidechain-node")
        .load()
        .migrate();
    return new HikariDataSource(c);
  }

  public static Map<String, Object> kafka() {
    return Map.of(
        CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, TestKafka.shared().bootstrapServers());
  }

  /** Creates a one-partition topic. */
  public static void createTopic(String topic) {
    try (Admin admin = Admin.create(kafka())) {
      Set<String> existing = admin.listTopics().names().get(30, TimeUnit.SECONDS);
      if (!existing.contains(topic)) {
        admin
            .createTopics(List.of(new NewTopic(topic, 1, (short) 1)))
            .all()
            .get(30, TimeUnit.SECONDS);
      }
    } catch (Exception e) {
      throw new IllegalStateException("cannot create topic " + topic, e);
    }
  }

  /** Starts (or restarts) the replica; no ticker unless an appender is given. */
  public Replica start(RecordAppender ticks, Duration tickInterval) {
    replica =
        new Replica(
            genesis,
            store,
            new LiveLedger(),
            kafka(),
            new Replica.Settings(topic, maxTransactions, tickInterval, historyBlocks),
            ticks,
            null);
    replica.start();
    return replica;
  }

  public Replica start() {
    return start(null, Duration.ZERO);
  }

  /** Stops the replica abruptly (what it had not stored is lost, as in a crash). */
  public void kill() {
    if (replica != null) {
      replica.close();
      replica = null;
    }
  }

  public Replica replica() {
    return replica;
  }

  public BlockWriter writer() {
    return store.writer();
  }

  public ChainQueries queries() {
    return store.queries();
  }

  public HikariDataSource dataSource() {
    return dataSource;
  }

  /** The offset after the last stored block. */
  public long storedOffset() {
    return store.queries().storedOffset().orElse(0L);
  }

  @Override
  public void close() {
    kill();
    dataSource.close();
  }

  public static Duration seconds(long s) {
    return Duration.ofSeconds(s);
  }
}
