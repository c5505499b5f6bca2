package org.fedbridge.sidechain.testing;

import java.util.UUID;
import org.fedbridge.sidechain.SidechainNodeApplication;
import org.fedbridge.testsupport.TestPostgres;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * A running node with small bounds (WebSocket connections, subscriptions and queues, and a history
 * window of 4 blocks), shared by its subclasses through Spring's context cache. Sample genesis,
 * chain 1337, its own database and log topic.
 */
@SpringBootTest(
    classes = SidechainNodeApplication.class,
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
public abstract class SmallLimitsNode {
  protected static final long CHAIN = 1337;
  public static final int CONNECTIONS_PER_CLIENT = 3;
  public static final int SUBSCRIPTIONS = 60;
  public static final int WAITING_MESSAGES = 200;
  public static final int HISTORY_BLOCKS = 4;
  private static final String TOPIC = "sidechain.txs.small-" + UUID.randomUUID();
  private static String database;

  @LocalServerPort protected int port;

  private static synchronized String database() {
    if (database == null) {
      database = TestPostgres.shared().createDatabase("rpc_small");
    }
    return database;
  }

  @DynamicPropertySource
  static void node(DynamicPropertyRegistry registry) {
    NodeSettings.register(registry, SmallLimitsNode::database, CHAIN, TOPIC);
    registry.add(
        "bridge.sidechain.websocket.max-connections-per-client", () -> CONNECTIONS_PER_CLIENT);
    registry.add(
        "bridge.sidechain.websocket.max-subscriptions-per-connection", () -> SUBSCRIPTIONS);
    registry.add("bridge.sidechain.websocket.max-pending-messages", () -> WAITING_MESSAGES);
    registry.add("bridge.sidechain.websocket.max-message-size", () -> "64KB");
    registry.add("bridge.sidechain.history.blocks", () -> HISTORY_BLOCKS);
  }

  protected JsonRpcClient rpc() {
    return new JsonRpcClient("http://127.0.0.1:" + port + "/");
  }

  protected String wsUrl() {
    return "ws://127.0.0.1:" + port + "/";
  }
}
