package org.fedbridge.sidechain;

import java.time.Clock;
import javax.sql.DataSource;
import org.apache.kafka.clients.admin.Admin;
import org.fedbridge.service.KafkaSettings;
import org.fedbridge.service.TopicSpec;
import org.fedbridge.sidechain.genesis.Genesis;
import org.fedbridge.sidechain.genesis.GenesisFile;
import org.fedbridge.sidechain.rpc.Chain;
import org.fedbridge.sidechain.rpc.JsonRpcDispatcher;
import org.fedbridge.sidechain.rpc.methods.RpcMethods;
import org.fedbridge.sidechain.rpc.ws.JsonRpcWebSocketHandler;
import org.fedbridge.sidechain.rpc.ws.Limits;
import org.fedbridge.sidechain.rpc.ws.UpgradeHandlerMapping;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
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
    return new SidechainNode(properties, genesis, dataSource, kafkaAdmin, Clock.systemUTC());
  }

  @Bean
  Chain chain(SidechainNode node) {
    return node.chain();
  }

  @Bean
  JsonRpcDispatcher jsonRpcDispatcher(Chain chain, SidechainProperties properties) {
    return new JsonRpcDispatcher(RpcMethods.all(chain), properties.rpc().appendTimeout());
  }

  /** JSON-RPC over WebSocket at {@code ws://host:port/}, with subscriptions. */
  @Bean
  @ConditionalOnBooleanProperty(name = "bridge.sidechain.websocket.enabled", matchIfMissing = true)
  JsonRpcWebSocketHandler jsonRpcWebSocketHandler(
      SidechainNode node, JsonRpcDispatcher dispatcher, SidechainProperties properties) {
    SidechainProperties.WebSocket ws = properties.websocket();
    JsonRpcWebSocketHandler handler =
        new JsonRpcWebSocketHandler(
            dispatcher,
            node.chain().admission(),
            new Limits(
                ws.maxConnections(),
                ws.maxConnectionsPerClient(),
                ws.maxSubscriptionsPerConnection(),
                ws.maxPendingMessages(),
                (int) Math.min(Integer.MAX_VALUE, ws.maxMessageSize().toBytes())));
    node.events().add(handler);
    return handler;
  }

  @Bean
  @ConditionalOnBooleanProperty(name = "bridge.sidechain.websocket.enabled", matchIfMissing = true)
  UpgradeHandlerMapping webSocketUpgrades(JsonRpcWebSocketHandler handler) {
    return new UpgradeHandlerMapping("/", handler);
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
