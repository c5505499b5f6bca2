package org.fedbridge.sidechain;

import javax.sql.DataSource;
import org.apache.kafka.clients.admin.Admin;
import org.fedbridge.service.KafkaSettings;
import org.fedbridge.service.TopicSpec;
import org.fedbridge.sidechain.genesis.Genesis;
import org.fedbridge.sidechain.genesis.GenesisFile;
import org.fedbridge.sidechain.rpc.Chain;
import org.fedbridge.sidechain.rpc.JsonRpcDispatcher;
import org.fedbridge.sidechain.rpc.methods.RpcMethods;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class SidechainConfiguration {

  @Bean
  KafkaSettings kafkaSettings(SidechainProperties properties) {
    return properties.kafka();
  }

  /** One partition: every replica must see the transactions in the same order. */
  @Bean
  TopicSpec transactionLog(SidechainProperties properties) {
    return new TopicSpec(properties.topics().txs(), 1, false);
  }

  @Bean
  Genesis genesis(SidechainProperties properties) {
    Genesis genesis = GenesisFile.read(properties.genesis());
    if (genesis.chainId() != properties.chainId()) {
      throw new IllegalStateException(
          "bridge.sidechain.chain-id "
              + properties.chainId()
              + " differs from chainId "
              + genesis.chainId()
              + " in "
              + properties.genesis());
    }
    return genesis;
  }

  @Bean
  SidechainNode sidechainNode(
      SidechainProperties properties, Genesis genesis, DataSource dataSource, Admin kafkaAdmin) {
    return new SidechainNode(properties, genesis, dataSource, kafkaAdmin);
  }

  @Bean
  Chain chain(SidechainNode node) {
    return node.chain();
  }

  @Bean
  JsonRpcDispatcher jsonRpcDispatcher(Chain chain, SidechainProperties properties) {
    return new JsonRpcDispatcher(RpcMethods.all(chain), properties.rpc().appendTimeout());
  }

  /** Ready once the replica has loaded its ledger and is reading the log. */
  @Bean
  HealthIndicator ledgerHealthIndicator(SidechainNode node) {
    return () -> {
      var replica = node.replica();
      if (!node.isRunning() || replica.ledger() == null) {
        return Health.outOfService().withDetail("replica", "starting").build();
      }
      if (!replica.isHealthy()) {
        return Health.down().withDetail("replica", String.valueOf(replica.failure())).build();
      }
      return Health.up()
          .withDetail("block", replica.ledger().head().number())
          .withDetail("caughtUp", replica.isCaughtUp())
          .build();
    };
  }
}
