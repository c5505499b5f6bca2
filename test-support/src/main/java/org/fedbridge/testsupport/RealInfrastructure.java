package org.fedbridge.testsupport;

import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * Points a Spring Boot test at the JVM's real PostgreSQL and Kafka:
 *
 * <pre>{@code
 * @DynamicPropertySource
 * static void infrastructure(DynamicPropertyRegistry registry) {
 *   RealInfrastructure.register(registry, "bridge.sidechain.kafka.bootstrap-servers");
 * }
 * }</pre>
 */
public final class RealInfrastructure {
  private RealInfrastructure() {}

  /** Registers the datasource and the given Kafka bootstrap-servers property. */
  public static void register(DynamicPropertyRegistry registry, String kafkaBootstrapProperty) {
    registry.add("spring.datasource.url", () -> TestPostgres.shared().jdbcUrl());
    registry.add("spring.datasource.username", () -> TestPostgres.shared().username());
    registry.add("spring.datasource.password", () -> TestPostgres.shared().password());
    registry.add(kafkaBootstrapProperty, () -> TestKafka.shared().bootstrapServers());
  }
}
