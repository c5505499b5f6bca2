package org.fedbridge.validator.consensus;

import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import javax.sql.DataSource;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.fedbridge.core.dkg.IdentityPublicKey;
import org.fedbridge.core.types.Bytes32;
import org.fedbridge.validator.ValidatorProperties;
import org.fedbridge.validator.batch.Batches;
import org.fedbridge.validator.federation.EpochView;
import org.fedbridge.validator.federation.Federations;
import org.fedbridge.validator.governance.Handovers;
import org.fedbridge.validator.governance.PauseGovernance;
import org.fedbridge.validator.governance.TokenConfigs;
import org.fedbridge.validator.keys.IdentitySigner;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Wires the consensus feature. The faces it needs from the other features ({@link Federations},
 * {@link Batches}, {@link IdentitySigner}) are looked up when used, so the service starts before
 * they exist (then no epoch is active and nothing is combined).
 */
@Configuration(proxyBeanMethods = false)
class ConsensusConfiguration {

  @Bean
  ConsensusStore consensusStore(DataSource dataSource) {
    return new ConsensusStore(JdbcClient.create(dataSource));
  }

  @Bean
  ConsensusMetrics consensusMetrics(MeterRegistry registry) {
    return new ConsensusMetrics(registry);
  }

  @Bean(destroyMethod = "close")
  Producer<byte[], byte[]> consensusProducer(ValidatorProperties properties) {
    Map<String, Object> p = new HashMap<>(properties.kafka().clientProperties());
    p.put(ProducerConfig.CLIENT_ID_CONFIG, "validator-" + properties.operatorId() + "-consensus");
    p.put(ProducerConfig.ACKS_CONFIG, "all");
    p.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
    p.put(ProducerConfig.LINGER_MS_CONFIG, 0);
    p.put(ProducerConfig.MAX_REQUEST_SIZE_CONFIG, 1_048_576);
    return new KafkaProducer<>(p, new ByteArraySerializer(), new ByteArraySerializer());
  }

  @Bean
  KafkaPartialPublisher partialPublisher(
      @Qualifier("consensusProducer") Producer<byte[], byte[]> consensusProducer,
      ValidatorProperties properties,
      ObjectProvider<IdentitySigner> identity,
      ConsensusStore store,
      ObjectProvider<Clock> clock) {
    return new KafkaPartialPublisher(
        consensusProducer,
        properties.topics().partials(),
        new LazyIdentity(identity),
        store,
        clock.getIfAvailable(Clock::systemUTC));
  }

  @Bean
  KafkaCertificateOutbox certificateOutbox(
      @Qualifier("consensusProducer") Producer<byte[], byte[]> consensusProducer,
      ValidatorProperties properties,
      ConsensusStore store) {
    return new KafkaCertificateOutbox(consensusProducer, properties.topics().certificates(), store);
  }

  @Bean
  ConsensusEngine consensusEngine(
      ObjectProvider<Federations> federations,
      ObjectProvider<Batches> batches,
      ObjectProvider<Handovers> handovers,
      ObjectProvider<TokenConfigs> tokenConfigs,
      ObjectProvider<PauseGovernance> pauses,
      ConsensusStore store,
      ConsensusMetrics metrics,
      ObjectProvider<Clock> clock,
      DataSource dataSource,
      KafkaCertificateOutbox outbox,
      ValidatorProperties properties) {
    var settings = properties.consensus();
    return new ConsensusEngine(
        new LazyFederations(federations),
        (type, id) ->
            switch (type) {
              case EPOCH_CHANGE ->
                  Optional.ofNullable(handovers.getIfAvailable())
                      .flatMap(h -> h.over((t, i) -> Optional.empty()).find(type, id));
              case TOKEN_CONFIG ->
                  Optional.ofNullable(tokenConfigs.getIfAvailable())
                      .flatMap(c -> c.over((t, i) -> Optional.empty()).find(type, id));
              case PAUSER_UPDATE, UNPAUSE ->
                  Optional.ofNullable(pauses.getIfAvailable())
                      .flatMap(p -> p.over((t, i) -> Optional.empty()).find(type, id));
              default ->
                  Optional.ofNullable(batches.getIfAvailable()).flatMap(b -> b.find(type, id));
            },
        store,
        metrics,
        clock.getIfAvailable(Clock::systemUTC),
        new TransactionTemplate(new DataSourceTransactionManager(dataSource)),
        outbox,
        settings.maxPendingPerMember(),
        settings.missingSignerGrace(),
        properties.topics().partials());
  }

  @Bean
  ConsensusLoop consensusLoop(
      ConsensusEngine engine,
      ConsensusStore store,
      ConsensusMetrics metrics,
      KafkaPartialPublisher publisher,
      KafkaCertificateOutbox outbox,
      DataSource dataSource,
      ObjectProvider<Clock> clock,
      ValidatorProperties properties) {
    Map<String, Object> p = new HashMap<>(properties.kafka().clientProperties());
    p.put(ConsumerConfig.CLIENT_ID_CONFIG, "validator-" + properties.operatorId() + "-consensus");
    p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
    p.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
    p.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
    p.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 500);
    return new ConsensusLoop(
        () -> new KafkaConsumer<>(p, new ByteArrayDeserializer(), new ByteArrayDeserializer()),
        engine,
        store,
        metrics,
        publisher,
        outbox,
        new TransactionTemplate(new DataSourceTransactionManager(dataSource)),
        clock.getIfAvailable(Clock::systemUTC),
        properties.topics().partials(),
        properties.topics().certificates(),
        properties.consensus().pollTimeout(),
        properties.consensus().republishInterval());
  }

  @Bean
  StoredCertificateBook certificateBook(ConsensusStore store, ConsensusEngine engine) {
    return new StoredCertificateBook(store, engine);
  }

  @Bean
  ConsensusStatus consensusStatus(
      ConsensusStore store, ConsensusEngine engine, ConsensusLoop loop) {
    return new ConsensusStatus() {
      @Override
      public Optional<BatchKey> lastSigned() {
        return store.lastSigned();
      }

      @Override
      public int pendingBatches() {
        return engine.pendingBatches();
      }

      @Override
      public boolean caughtUp() {
        return loop.isRunning() && loop.caughtUp();
      }
    };
  }

  /** {@code consensus} in readiness: the loop runs and has read the certificates written so far. */
  @Bean
  HealthIndicator consensusHealthIndicator(ConsensusLoop loop, ConsensusEngine engine) {
    return () -> {
      Health.Builder b = loop.isRunning() && loop.caughtUp() ? Health.up() : Health.outOfService();
      return b.withDetail("running", loop.isRunning())
          .withDetail("caughtUp", loop.caughtUp())
          .withDetail("pendingBatches", engine.pendingBatches())
          .build();
    };
  }

  private record LazyFederations(ObjectProvider<Federations> provider) implements Federations {
    @Override
    public Optional<EpochView> current() {
      return Optional.ofNullable(provider.getIfAvailable()).flatMap(Federations::current);
    }

    @Override
    public Optional<EpochView> epoch(long number) {
      return Optional.ofNullable(provider.getIfAvailable()).flatMap(f -> f.epoch(number));
    }
  }

  private record LazyIdentity(ObjectProvider<IdentitySigner> provider) implements IdentitySigner {
    @Override
    public IdentityPublicKey publicKey() {
      return provider.getObject().publicKey();
    }

    @Override
    public byte[] sign(Bytes32 hash) {
      return provider.getObject().sign(hash);
    }

    @Override
    public IdentitySigner forEpoch(long epoch) {
      return provider.getObject().forEpoch(epoch);
    }
  }
}
