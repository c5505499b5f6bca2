package org.fedbridge.validator.dkg;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.fedbridge.core.dkg.IdentityKey;
import org.fedbridge.service.KafkaSettings;
import org.fedbridge.testsupport.TestKafka;
import org.fedbridge.testsupport.TestPostgres;
import org.fedbridge.validator.keys.Identities;
import org.fedbridge.validator.keys.KeyDirectory;
import org.fedbridge.validator.keys.TestKeys;
import org.flywaydb.core.Flyway;
import org.postgresql.ds.PGSimpleDataSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * One federation member for DKG tests: its own schema in the real PostgreSQL (migrated by Flyway
 * from the validator's migrations), its own key directory, and a {@link DkgService} over the real
 * Kafka broker, wired as the service wires it.
 */
final class DkgTestMember {
  final String operatorId;
  final String schema;
  final Path keysDir;
  final IdentityKey identity;
  final PGSimpleDataSource dataSource;
  final SimpleMeterRegistry registry = new SimpleMeterRegistry();
  DkgService service;

  DkgTestMember(String operatorId, String schema, Path keysDir) {
    this.operatorId = operatorId;
    this.schema = schema;
    this.keysDir = keysDir;
    this.identity = TestKeys.identity(keysDir, operatorId);
    TestPostgres pg = TestPostgres.shared();
    this.dataSource = new PGSimpleDataSource();
    dataSource.setURL(pg.jdbcUrl());
    dataSource.setUser(pg.username());
    dataSource.setPassword(pg.password());
    dataSource.setCurrentSchema(schema);
    JdbcClient.create(dataSource).sql("DROP SCHEMA IF EXISTS " + schema + " CASCADE").update();
    Flyway.configure()
        .dataSource(dataSource)
        .schemas(schema)
        .defaultSchema(schema)
        .createSchemas(true)
        .locations("classpath:db/migrations/bridge-validator")
        .load()
        .migrate();
  }

  /** A (new) service instance, as after a process start. */
  DkgService start(String topic, DkgSettings settings) {
    KeyDirectory keys = TestKeys.open(keysDir);
    Identities id = Identities.open(keys).orThrow();
    service =
        new DkgService(
            new DkgStore(
                JdbcClient.create(dataSource),
                new TransactionTemplate(new DataSourceTransactionManager(dataSource))),
            new DkgWiring(
                new KafkaSettings(TestKafka.shared().bootstrapServers(), java.util.Map.of()),
                topic,
                settings,
                operatorId),
            keys,
            id,
            new DkgMetrics(registry),
            Clock.systemUTC());
    return service;
  }

  KeyDirectory keys() {
    return TestKeys.open(keysDir);
  }

  double count(String outcome, String reason) {
    var c =
        registry.find(DkgMetrics.RECORDS).tag("outcome", outcome).tag("reason", reason).counter();
    return c == null ? 0 : c.count();
  }

  static DkgSettings settings(Duration round, Duration session) {
    return new DkgSettings(round, session, Duration.ofMillis(100));
  }

  static List<String> schemas(String prefix, int n) {
    return java.util.stream.IntStream.rangeClosed(1, n).mapToObj(i -> prefix + i).toList();
  }
}
