package org.fedbridge.sidechain.rpc;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigInteger;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.UUID;
import org.fedbridge.core.message.Deposit;
import org.fedbridge.core.types.Address;
import org.fedbridge.sidechain.SidechainNodeApplication;
import org.fedbridge.sidechain.ledger.DepositCertificate;
import org.fedbridge.sidechain.testing.JsonRpcClient;
import org.fedbridge.sidechain.testing.NodeSettings;
import org.fedbridge.sidechain.testing.TestFederation;
import org.fedbridge.sidechain.testing.TestGenesis;
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
    NodeSettings.register(registry, RunningNodeTest::database, CHAIN, TOPIC);
  }

  protected String url() {
    return "http://127.0.0.1:" + port + "/";
  }

  protected JsonRpcClient client() {
    return new JsonRpcClient(url());
  }

  /** Posts a body; returns status and body. */
  protected HttpResponse<String> post(String body, String contentType) throws Exception {
    return client().post(body, contentType);
  }

  /** Calls one method; returns the whole response object. */
  protected JsonNode call(String method, Object... params) throws Exception {
    return client().call(method, params);
  }

  protected JsonNode result(String method, Object... params) throws Exception {
    return client().result(method, params);
  }

  /** Mints through a correctly signed certificate and waits for the receipt. */
  protected JsonNode mint(long batchId, List<Deposit> deposits) throws Exception {
    return client().mint(TestFederation.epoch0().deposits(CHAIN, batchId, deposits));
  }

  protected static java.util.Map<String, Object> certificateJson(DepositCertificate c) {
    return JsonRpcClient.certificateJson(c);
  }

  protected JsonNode awaitReceipt(String hash) {
    return client().awaitReceipt(hash);
  }

  protected BigInteger balance(Address a) throws Exception {
    return client().balance(a);
  }

  protected static Deposit tokenDeposit(long nonce, Address to, BigInteger amount) {
    return TestFederation.deposit(nonce, TestGenesis.L1_TOKEN, to, amount);
  }
}
