package org.fedbridge.testsupport;

import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;
import org.testcontainers.kafka.KafkaContainer;

/**
 * A real Kafka broker for tests: a Testcontainers container when a Docker engine is available, an
 * in-JVM KRaft broker (the real broker code from the Apache Kafka jars) otherwise. One per test
 * JVM, started on first use on free ports, stopped when the JVM exits.
 */
public final class TestKafka {
  private static TestKafka shared;

  private final String bootstrapServers;

  private TestKafka(String bootstrapServers) {
    this.bootstrapServers = bootstrapServers;
  }

  /** The JVM-wide broker, started on first call. */
  public static synchronized TestKafka shared() {
    if (shared == null) {
      shared = Docker.available() ? startContainer() : startEmbedded();
    }
    return shared;
  }

  @SuppressWarnings("resource") // stopped by the shutdown hook
  private static TestKafka startContainer() {
    KafkaContainer container = new KafkaContainer("apache/kafka:4.1.2");
    container.start();
    Runtime.getRuntime().addShutdownHook(new Thread(container::stop, "stop-kafka"));
    return new TestKafka(container.getBootstrapServers());
  }

  private static TestKafka startEmbedded() {
    EmbeddedKafkaKraftBroker broker = new EmbeddedKafkaKraftBroker(1, 1);
    broker.brokerProperties(java.util.Map.of("group.initial.rebalance.delay.ms", "0"));
    broker.afterPropertiesSet();
    Runtime.getRuntime().addShutdownHook(new Thread(broker::destroy, "stop-kafka"));
    return new TestKafka(broker.getBrokersAsString());
  }

  public String bootstrapServers() {
    return bootstrapServers;
  }
}
