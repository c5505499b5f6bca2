package org.fedbridge.sidechain.testing;

import java.util.function.Supplier;
import org.fedbridge.testsupport.TestKafka;
import org.fedbridge.testsupport.TestPostgres;
import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * The settings of a node started by a Spring test: real PostgreSQL and Kafka, the sample genesis.
 */
public final class NodeSettings {
  private NodeSettings() {}

  public static void register(
      DynamicPropertyRegistry registry, Supplier<Object> database, long chainId, String topic) {
    registry.add("spring.datasource.url", database);
    registry.add("spring.datasource.username", () -> TestPostgres.shared().username());
    registry.add("spring.datasource.password", () -> TestPostgres.shared().password());
    registry.add(
        "bridge.sidechain.kafka.bootstrap-servers", () -> TestKafka.shared().bootstrapServers());
    registry.add("bridge.sidechain.chain-id", () -> chainId);
    registry.add("bridge.sidechain.genesis", () -> TestGenesis.sample().toString());
    registry.add("bridge.sidechain.topics.txs", () -> topic);
    registry.add("bridge.sidechain.blocks.tick-interval", () -> "50ms");
  }
}
