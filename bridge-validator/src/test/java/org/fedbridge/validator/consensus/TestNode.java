package org.fedbridge.validator.consensus;

import com.zaxxer.hikari.HikariDataSource;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.fedbridge.core.message.MessageType;
import org.fedbridge.core.types.UInt256;
import org.fedbridge.service.KafkaTopics;
import org.fedbridge.service.TopicSpec;
import org.fedbridge.testsupport.TestKafka;
import org.fedbridge.testsupport.TestPostgres;
import org.fedbridge.validator.batch.Batches;
import org.fedbridge.validator.federation.Federations;
import org.fedbridge.validator.keys.IdentitySigner;
import org.flywaydb.core.Flyway;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * One validator's consensus feature, wired as the service wires it, over the JVM's real Kafka
 * broker and its own real PostgreSQL database. Several run side by side in one test JVM.
 */
final class TestNode implements AutoCloseable {

  /** A test's own pair of topics, so that test classes never see each other's records. */
  record Topics(String partials, String certificates) {
    static Topics fresh() {
      String id = UUID.randomUUID().toString().substring(0, 8);
      Topics t = new Topics("partials-" + id, "certificates-" + id);
      try (Admin admin = Admin.create(Map.of("bootstrap.servers", bootstrap()))) {
        KafkaTopics.ensure(
            admin,
            List.of(new TopicSpec(t.partials, 3, false), new TopicSpec(t.certificates, 1, true)));
      }
      return t;
    }
  }

  final String name;
  final HikariDataSource dataSource;
  final ConsensusStore store;
  final SimpleMeterRegistry registry = new SimpleMeterRegistry();
  final ConsensusMetrics metrics;
  final KafkaProducer<byte[], byte[]> producer;
  final ConsensusEngine engine;
  final KafkaPartialPublisher publisher;
  final ConsensusLoop loop;
  final StoredCertificateBook book;
  final Topics topics;

  /** A fresh, empty database for a node called {@code name}; returns its JDBC URL. */
  static String freshDatabase(String name) {
    String url = TestPostgres.shared().createDatabase(name);
    return url + (url.contains("?") ? "&" : "?") + "currentSchema=validator";
  }

  static String bootstrap() {
    return TestKafka.shared().bootstrapServers();
  }

  TestNode(
      String name,
      String jdbcUrl,
      Topics topics,
      Federations federations,
      Batches batches,
      IdentitySigner identity,
      Duration missingSignerGrace) {
    this.name = name;
    this.topics = topics;
    dataSource = new HikariDataSource();
    dataSource.setJdbcUrl(jdbcUrl);
    dataSource.setUsername(TestPostgres.shared().username());
    dataSource.setPassword(TestPostgres.shared().password());
    dataSource.setMaximumPoolSize(3);
    dataSource.setConnectionTimeout(250);
    Flyway.configure()
        .dataSource(dataSource)
        .locations("classpath:db/migrations/bridge-validator")
        .schemas("validator")
        .defaultSchema("validator")
        .createSchemas(true)
        .load()
        .migrate();
    store = new ConsensusStore(JdbcClient.create(dataSource));
    metrics = new ConsensusMetrics(registry);
    Map<String, Object> p = new HashMap<>();
    p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap());
    p.put(ProducerConfig.ACKS_CONFIG, "all");
    p.put(ProducerConfig.LINGER_MS_CONFIG, 0);
    producer = new KafkaProducer<>(p, new ByteArraySerializer(), new ByteArraySerializer());
    TransactionTemplate tx = new TransactionTemplate(new DataSourceTransactionManager(dataSource));
    KafkaCertificateOutbox outbox =
        new KafkaCertificateOutbox(producer, topics.certificates(), store);
    engine =
        new ConsensusEngine(
            federations,
            batches,
            store,
            metrics,
            Clock.systemUTC(),
            tx,
            outbox,
            1000,
            missingSignerGrace,
            topics.partials());
    publisher =
        new KafkaPartialPublisher(producer, topics.partials(), identity, store, Clock.systemUTC());
    Map<String, Object> c = new HashMap<>();
    c.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap());
    c.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
    c.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
    loop =
        new ConsensusLoop(
            () -> new KafkaConsumer<>(c, new ByteArrayDeserializer(), new ByteArrayDeserializer()),
            engine,
            store,
            metrics,
            publisher,
            outbox,
            tx,
            Clock.systemUTC(),
            topics.partials(),
            topics.certificates(),
            Duration.ofMillis(50),
            Duration.ofMinutes(10));
    book = new StoredCertificateBook(store, engine);
  }

  /**
   * Takes this node's database away: PostgreSQL refuses new connections to it and ends the open
   * ones, so every statement fails until {@link #resumeDatabase}. (The database is named after the
   * node, as {@link #freshDatabase} makes it.)
   */
  void suspendDatabase() {
    admin(
        "ALTER DATABASE " + name + " ALLOW_CONNECTIONS false",
        "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = '" + name + "'");
  }

  void resumeDatabase() {
    admin("ALTER DATABASE " + name + " ALLOW_CONNECTIONS true");
  }

  private static void admin(String... statements) {
    TestPostgres pg = TestPostgres.shared();
    try (java.sql.Connection c =
            java.sql.DriverManager.getConnection(pg.jdbcUrl(), pg.username(), pg.password());
        java.sql.Statement st = c.createStatement()) {
      for (String sql : statements) {
        st.execute(sql);
      }
    } catch (java.sql.SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  TestNode start() {
    loop.start();
    return this;
  }

  Optional<Certificate> certificate(MessageType type, UInt256 batchId) {
    return book.find(type, batchId);
  }

  double count(String name, String... tags) {
    Counter c = registry.find(name).tags(tags).counter();
    return c == null ? 0 : c.count();
  }

  double pairings() {
    return count("fedbridge.validator.partial.pairings");
  }

  /** Whether this node has stored positions at or past every end offset of its topics. */
  boolean consumedAll() {
    Map<String, Object> c = new HashMap<>();
    c.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap());
    try (KafkaConsumer<byte[], byte[]> probe =
        new KafkaConsumer<>(c, new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
      Map<TopicPartition, Long> stored =
          store.offsets(List.of(topics.partials(), topics.certificates()));
      List<TopicPartition> all =
          List.of(topics.partials(), topics.certificates()).stream()
              .flatMap(
                  t ->
                      probe.partitionsFor(t).stream()
                          .map(i -> new TopicPartition(t, i.partition())))
              .toList();
      return probe.endOffsets(all).entrySet().stream()
          .allMatch(e -> e.getValue() == 0 || stored.getOrDefault(e.getKey(), 0L) >= e.getValue());
    }
  }

  @Override
  public void close() {
    loop.stop();
    producer.close(Duration.ofSeconds(5));
    dataSource.close();
  }
}
