package org.fedbridge.sidechain.bench;

import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.fedbridge.core.types.Address;
import org.fedbridge.sidechain.SidechainNodeApplication;
import org.fedbridge.sidechain.testing.TestFederation;
import org.fedbridge.sidechain.testing.TestGenesis;
import org.fedbridge.testsupport.FreePorts;
import org.fedbridge.testsupport.TestKafka;
import org.fedbridge.testsupport.TestPostgres;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * A node in this JVM for the benches, on test-support's embedded Kafka broker and PostgreSQL 17,
 * with its own database and log topic.
 */
final class BenchNode implements AutoCloseable {
  final ConfigurableApplicationContext context;
  final int port;
  final String topic;
  final Path genesis;

  private BenchNode(ConfigurableApplicationContext context, int port, String topic, Path genesis) {
    this.context = context;
    this.port = port;
    this.topic = topic;
    this.genesis = genesis;
  }

  /**
   * Starts a node of chain {@code chain} funding {@code alloc}; {@code settings} as --name=value.
   */
  static BenchNode start(
      long chain, Map<Address, BigInteger> alloc, String database, String... settings)
      throws Exception {
    String topic = "sidechain.txs.bench." + UUID.randomUUID();
    Path genesisFile = Files.createTempFile("bench-genesis-", ".json");
    Files.writeString(genesisFile, TestGenesis.json(chain, TestFederation.epoch0(), alloc, "0"));
    String dbUrl = TestPostgres.shared().createDatabase(database);
    int port = FreePorts.next();
    List<String> args =
        new ArrayList<>(
            List.of(
                "--server.port=" + port,
                "--spring.datasource.url=" + dbUrl,
                "--spring.datasource.username=" + TestPostgres.shared().username(),
                "--spring.datasource.password=" + TestPostgres.shared().password(),
                "--bridge.sidechain.chain-id=" + chain,
                "--bridge.sidechain.genesis=" + genesisFile,
                "--bridge.sidechain.topics.txs=" + topic,
                "--bridge.sidechain.kafka.bootstrap-servers="
                    + TestKafka.shared().bootstrapServers(),
                "--logging.level.root=WARN"));
    args.addAll(List.of(settings));
    ConfigurableApplicationContext context =
        SpringApplication.run(SidechainNodeApplication.class, args.toArray(String[]::new));
    return new BenchNode(context, port, topic, genesisFile);
  }

  String url() {
    return "http://127.0.0.1:" + port + "/";
  }

  String wsUrl() {
    return "ws://127.0.0.1:" + port + "/";
  }

  @Override
  public void close() {
    context.close();
  }
}
