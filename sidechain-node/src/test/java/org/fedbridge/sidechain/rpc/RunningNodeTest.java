package org.fedbridge.sidechain.rpc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigInteger;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.fedbridge.core.message.Deposit;
import org.fedbridge.core.types.Address;
import org.fedbridge.core.types.Hex;
import org.fedbridge.sidechain.SidechainNodeApplication;
import org.fedbridge.sidechain.ledger.DepositCertificate;
import org.fedbridge.sidechain.testing.TestFederation;
import org.fedbridge.sidechain.testing.TestGenesis;
import org.fedbridge.testsupport.TestKafka;
import org.fedbridge.testsupport.TestPostgres;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * One running node (real PostgreSQL database of its own, real Kafka, its own log topic), shared by
 * every subclass through Spring's context cache. Chain 1337 from the sample genesis.
 */
@SpringBootTest(
    classes = SidechainNodeApplication.class,
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
public abstract class RunningNodeTest {
  protected static final long CHAIN = 1337;
  protected static final ObjectMapper JSON = new ObjectMapper();
  private static final String TOPIC = "sidechain.txs.node-" + UUID.randomUUID();
  private static String databaseUrl;

  @LocalServerPort protected int port;

  private static synchronized String database() {
    if (databaseUrl == null) {
      databaseUrl = TestPostgres.shared().createDatabase("rpc_node");
    }
    return databaseUrl;
  }

  @DynamicPropertySource
  static void node(DynamicPropertyRegistry registry) {
    registry.add("spring.datasource.url", RunningNodeTest::database);
    registry.add("spring.datasource.username", () -> TestPostgres.shared().username());
    registry.add("spring.datasource.password", () -> TestPostgres.shared().password());
    registry.add(
        "bridge.sidechain.kafka.bootstrap-servers", () -> TestKafka.shared().bootstrapServers());
    registry.add("bridge.sidechain.chain-id", () -> CHAIN);
    registry.add("bridge.sidechain.genesis", () -> TestGenesis.sample().toString());
    registry.add("bridge.sidechain.topics.txs", () -> TOPIC);
    registry.add("bridge.sidechain.blocks.tick-interval", () -> "50ms");
  }

  protected String url() {
    return "http://127.0.0.1:" + port + "/";
  }

  /** Posts a body; returns status and body. */
  protected HttpResponse<String> post(String body, String contentType) throws Exception {
    HttpRequest.Builder b =
        HttpRequest.newBuilder(URI.create(url())).POST(HttpRequest.BodyPublishers.ofString(body));
    if (contentType != null) {
      b.header("Content-Type", contentType);
    }
    return HttpClient.newHttpClient().send(b.build(), HttpResponse.BodyHandlers.ofString());
  }

  /** Calls one method; returns the whole response object. */
  protected JsonNode call(String method, Object... params) throws Exception {
    String body =
        JSON.writeValueAsString(
            java.util.Map.of(
                "jsonrpc", "2.0", "id", 1, "method", method, "params", List.of(params)));
    HttpResponse<String> r = post(body, "application/json");
    assertThat(r.statusCode()).isEqualTo(200);
    return JSON.readTree(r.body());
  }

  protected JsonNode result(String method, Object... params) throws Exception {
    JsonNode r = call(method, params);
    assertThat(r.has("error")).as("%s answered %s", method, r).isFalse();
    return r.get("result");
  }

  /** Mints through a correctly signed certificate and waits for the receipt. */
  protected JsonNode mint(long batchId, List<Deposit> deposits) throws Exception {
    DepositCertificate c = TestFederation.epoch0().deposits(CHAIN, batchId, deposits);
    JsonNode r = result("bridge_submitDepositCertificate", certificateJson(c));
    return awaitReceipt(r.get("hash").asText());
  }

  protected static java.util.Map<String, Object> certificateJson(DepositCertificate c) {
    List<java.util.Map<String, Object>> ds =
        c.deposits().stream()
            .map(
                d ->
                    java.util.Map.<String, Object>of(
                        "nonce", d.nonce().toString(),
                        "token", d.token().toHex(),
                        "sender", d.sender().toHex(),
                        "recipient", d.recipient().toHex(),
                        "amount", d.amount().toString()))
            .toList();
    return java.util.Map.of(
        "epoch", Long.toString(c.epoch()),
        "batchId", c.batchId().toString(),
        "deposits", ds,
        "signature", Hex.encode(c.signature().toCompressed()));
  }

  protected JsonNode awaitReceipt(String hash) {
    JsonNode[] receipt = new JsonNode[1];
    await()
        .atMost(Duration.ofSeconds(20))
        .pollInterval(Duration.ofMillis(20))
        .until(
            () -> {
              receipt[0] = result("eth_getTransactionReceipt", hash);
              return receipt[0] != null && !receipt[0].isNull();
            });
    return receipt[0];
  }

  protected BigInteger balance(Address a) throws Exception {
    return new BigInteger(result("eth_getBalance", a.toHex(), "latest").asText().substring(2), 16);
  }

  protected static Deposit tokenDeposit(long nonce, Address to, BigInteger amount) {
    return TestFederation.deposit(nonce, TestGenesis.L1_TOKEN, to, amount);
  }
}
