package org.fedbridge.admin.reconciliation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.math.BigInteger;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.fedbridge.admin.TestBridge;
import org.fedbridge.admin.TestChain;
import org.fedbridge.admin.TestConsole;
import org.fedbridge.admin.TestSidechain;
import org.fedbridge.admin.chain.Vault;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.core.env.Environment;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.web3j.crypto.Credentials;
import org.web3j.protocol.core.DefaultBlockParameterName;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reconciliation against a real vault on anvil and a real sidechain replica: honest transfers in
 * both directions reconcile with no mismatch; ETH leaving the vault with no burn behind it (forged
 * with {@code anvil_setBalance}) is detected within one minute, raised as a metric and an audit
 * alert, and with auto-pause on the vault is paused.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ReconciliationTest {
  private static final TestChain CHAIN = TestChain.start(TestConsole.dir("reconciliation-chain"));
  private static final TestSidechain SIDECHAIN =
      TestSidechain.start(
          CHAIN, TestConsole.dir("reconciliation-sidechain"), "admin_rec_sidechain", Map.of());
  private static final TestBridge BRIDGE = new TestBridge(CHAIN, SIDECHAIN);
  private static final JsonMapper JSON = JsonMapper.builder().build();

  @Autowired Environment environment;
  @Autowired Vault vault;

  @DynamicPropertySource
  static void settings(DynamicPropertyRegistry registry) {
    Map<String, String> s =
        new LinkedHashMap<>(
            TestConsole.settings(
                TestConsole.database("admin_reconciliation"), TestConsole.dir("reconciliation")));
    s.putAll(CHAIN.settings());
    s.put("bridge.admin.sidechain.rpc-url", SIDECHAIN.url());
    s.put("bridge.admin.reconciliation.interval", "PT1S");
    s.put("bridge.admin.reconciliation.auto-pause", "true");
    TestConsole.register(registry, s);
  }

  @AfterAll
  static void stop() {
    SIDECHAIN.close();
    CHAIN.close();
  }

  private JsonNode get(String path) throws Exception {
    return JSON.readTree(
        TestConsole.call(environment, "GET", path, TestConsole.BOOTSTRAP_TOKEN, null).body());
  }

  private static JsonNode eth(JsonNode status) {
    for (JsonNode t : status.path("tokens")) {
      if (t.path("token").asText().equals("0x0000000000000000000000000000000000000000")) {
        return t;
      }
    }
    return JSON.createObjectNode();
  }

  @Test
  @Order(1)
  void honestTransfersBothWaysReconcileWithNoMismatch() throws Exception {
    Credentials user = Credentials.create(CHAIN.anvil.privateKeys().get(3));
    BigInteger five = TestChain.ETHER.multiply(BigInteger.valueOf(5));
    BigInteger two = TestChain.ETHER.multiply(BigInteger.TWO);
    BRIDGE.depositAndMint(user, user.getAddress(), five);
    await()
        .atMost(Duration.ofSeconds(60))
        .until(
            () ->
                BRIDGE
                    .sidechain
                    .rpc("eth_getBalance", user.getAddress(), "latest")
                    .asText()
                    .equals("0x" + five.toString(16)));
    long block = BRIDGE.burn(user, user.getAddress(), two);
    BRIDGE.postRoot(block);
    BigInteger nonce =
        new BigInteger(
            BRIDGE
                .sidechain
                .rpc("bridge_getWithdrawalRoot", "0x" + Long.toHexString(block))
                .get("withdrawals")
                .get(0)
                .get("nonce")
                .asText());
    BRIDGE.afterChallengePeriod();
    BRIDGE.claim(nonce);

    await()
        .atMost(Duration.ofSeconds(60))
        .until(
            () -> {
              JsonNode roots = get("/api/watchtower/roots");
              return roots.size() == 1 && roots.get(0).path("status").asText().equals("MATCHED");
            });
    await()
        .atMost(Duration.ofSeconds(60))
        .until(
            () -> {
              JsonNode s = get("/api/reconciliation");
              return s.path("state").asText().equals("ok")
                  && eth(s).path("obligations").asText().equals(five.subtract(two).toString());
            });
    JsonNode status = get("/api/reconciliation");
    assertThat(status.path("openMismatches").size()).isZero();
    assertThat(eth(status).path("ok").asBoolean()).isTrue();
    assertThat(eth(status).path("vaultBalance").asText()).isEqualTo(five.subtract(two).toString());
    assertThat(vault.paused()).isFalse();
  }

  @Test
  @Order(2)
  void exploitEthLeavingTheVaultWithoutABurnIsDetectedWithinAMinuteAndPaused() throws Exception {
    BigInteger balance =
        CHAIN
            .web3j
            .ethGetBalance(CHAIN.vault, DefaultBlockParameterName.LATEST)
            .send()
            .getBalance();
    // As if a withdrawal had been paid with no burn behind it: one ETH leaves the vault.
    Instant forged = Instant.now();
    BRIDGE.anvil(
        "anvil_setBalance", CHAIN.vault, "0x" + balance.subtract(TestChain.ETHER).toString(16));
    BRIDGE.anvil("evm_mine");
    await()
        .atMost(Duration.ofSeconds(60))
        .pollInterval(Duration.ofMillis(200))
        .until(
            () ->
                get("/api/reconciliation")
                    .path("openMismatches")
                    .findValuesAsString("kind")
                    .contains("vault-short"));
    Instant detected = Instant.now();
    System.out.printf(
        "reconciliation detection latency (forged drain -> mismatch seen over the API): %d ms%n",
        Duration.between(forged, detected).toMillis());
    await().atMost(Duration.ofSeconds(60)).until(vault::paused);
    JsonNode audit = get("/api/audit?actor=system:reconciliation&limit=10");
    assertThat(audit.path("entries").get(0).path("outcome").asText()).isEqualTo("alert");
    assertThat(audit.path("entries").get(0).path("details").asText()).contains("vault-short");
    // The pause is audited once its transaction is mined, which may be just after the vault reads
    // as paused.
    await()
        .atMost(Duration.ofSeconds(30))
        .untilAsserted(
            () ->
                assertThat(
                        get("/api/audit?actor=system:watchtower&limit=10")
                            .path("entries")
                            .findValuesAsString("action"))
                    .contains("vault.pause"));
    String metrics =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(
                        URI.create(
                            "http://127.0.0.1:"
                                + environment.getProperty("local.server.port")
                                + "/actuator/prometheus"))
                    .build(),
                HttpResponse.BodyHandlers.ofString())
            .body();
    assertThat(metrics)
        .contains("fedbridge_admin_reconciliation_alerts_total{kind=\"vault-short\"}");
    assertThat(metrics).containsPattern("fedbridge_admin_reconciliation_mismatches \\d");
  }
}
