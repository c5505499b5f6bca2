package org.fedbridge.admin.tokens;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.math.BigInteger;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.fedbridge.admin.TestChain;
import org.fedbridge.admin.TestConsole;
import org.fedbridge.admin.TestKafkaProducer;
import org.fedbridge.admin.TestSidechain;
import org.fedbridge.admin.auth.AdminPrincipal;
import org.fedbridge.admin.auth.Principals;
import org.fedbridge.admin.auth.Role;
import org.fedbridge.admin.chain.Vault;
import org.fedbridge.core.bls.Bls;
import org.fedbridge.core.dkg.IdentityKey;
import org.fedbridge.core.message.Deposit;
import org.fedbridge.core.message.DepositBatch;
import org.fedbridge.core.message.TokenConfig;
import org.fedbridge.core.types.Address;
import org.fedbridge.core.types.Hex;
import org.fedbridge.core.types.Keccak;
import org.fedbridge.core.types.UInt256;
import org.fedbridge.core.wire.CertificateBody.TokenConfigBody;
import org.fedbridge.core.wire.CertificateRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.core.env.Environment;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A token registration approved on the console reaches the real vault on anvil and a real
 * sidechain-node: the console publishes it, the federation's {@code TOKEN_CONFIG} certificate
 * arrives on {@code bridge.certificates} (made here with the test chain's group key, as the
 * validators would), the console submits it to the vault (a registration is a loosening: queued)
 * and executes it after the governance delay, and registers the new token on the sidechain with its
 * signed record (the sidechain's genesis names the console's governance key); a deposit of the
 * token is then minted there. {@code GET /api/tokens/configs} follows both. A federation
 * certificate for another config at the same nonce (threats.md row 12: limits the admins never
 * approved, e.g. signed by a stolen threshold) is alerted and submitted nowhere, neither to L1 nor
 * to the sidechain.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class TokenConfigSubmissionTest {
  private static final TestChain CHAIN = TestChain.start(TestConsole.dir("tokens-chain"));
  private static final IdentityKey GOVERNANCE =
      IdentityKey.fromBytes(Keccak.hash("tokens-test-governance".getBytes()).bytes()).orThrow();
  private static final TestSidechain SIDECHAIN =
      TestSidechain.start(
          CHAIN,
          TestConsole.dir("tokens-sidechain"),
          "admin_tokens_sidechain",
          Map.of(),
          GOVERNANCE.publicKey());
  private static final String CERTIFICATES = "it.tokens.certificates." + UUID.randomUUID();
  private static final Address TOKEN =
      Address.fromHex("0x00000000000000000000000000000000000000c4");
  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static final Duration WAIT = Duration.ofSeconds(60);

  @Autowired Environment environment;
  @Autowired Principals principals;
  @Autowired Vault vault;

  @DynamicPropertySource
  static void settings(DynamicPropertyRegistry registry) {
    Map<String, String> s =
        new LinkedHashMap<>(
            TestConsole.settings(TestConsole.database("admin_tokens"), TestConsole.dir("tokens")));
    s.putAll(CHAIN.settings());
    s.put("bridge.admin.topics.certificates", CERTIFICATES);
    s.put("bridge.admin.topics.heartbeats", "it.tokens.heartbeats." + UUID.randomUUID());
    s.put("bridge.admin.topics.governance", "it.tokens.governance." + UUID.randomUUID());
    s.put("bridge.admin.token-config-poll", "PT0.5S");
    s.put("bridge.admin.sidechain.rpc-url", SIDECHAIN.url());
    Path keys = TestConsole.dir("tokens-governance");
    s.put(
        "bridge.admin.governance.keystore",
        TestConsole.governanceKeystore(keys, GOVERNANCE).toString());
    s.put("bridge.admin.governance.password-file", keys.resolve("governance.password").toString());
    TestConsole.register(registry, s);
  }

  @AfterAll
  static void stop() {
    SIDECHAIN.close();
    CHAIN.close();
  }

  private HttpResponse<String> call(String method, String path, String token, String body)
      throws Exception {
    return TestConsole.call(environment, method, path, token, body);
  }

  private void certify(TokenConfig c) {
    CertificateRecord r = CHAIN.certificate(new TokenConfigBody(c), c);
    TestKafkaProducer.send(CERTIFICATES, r.kafkaKey(), r.encode());
  }

  @Test
  void theApprovedRegistrationIsSubmittedAndExecutedAndAnUnapprovedOneIsNotExploit()
      throws Exception {
    String admin2 =
        principals
            .create(
                new AdminPrincipal(
                    "bootstrap", java.util.Set.of(Role.ADMIN), AdminPrincipal.Source.API_TOKEN, 0),
                "tokens-admin-2",
                java.util.Set.of(Role.ADMIN))
            .orThrow()
            .token();
    JsonNode p =
        JSON.readTree(
            call(
                    "POST",
                    "/api/proposals",
                    TestConsole.BOOTSTRAP_TOKEN,
                    "{\"kind\":\"TOKEN_CONFIG\",\"token\":\""
                        + TOKEN.toHex()
                        + "\",\"registered\":true,\"periodLimit\":\"5000000\","
                        + "\"periodSeconds\":3600,\"delayThreshold\":\"1000000\","
                        + "\"delaySeconds\":600,\"symbol\":\"TKN\",\"name\":\"Token\","
                        + "\"decimals\":18}")
                .body());
    long id = p.path("id").asLong();
    assertThat(
            JSON.readTree(call("POST", "/api/proposals/" + id + "/approve", admin2, null).body())
                .path("state")
                .asText())
        .isEqualTo("APPROVED");
    await()
        .atMost(WAIT)
        .until(
            () ->
                JSON.readTree(call("GET", "/api/proposals/" + id, admin2, null).body())
                    .path("state")
                    .asText()
                    .equals("PUBLISHED"));
    TokenConfig approved =
        new TokenConfig(
            UInt256.ZERO,
            TOKEN,
            true,
            UInt256.of(5_000_000),
            UInt256.of(3_600),
            UInt256.of(1_000_000),
            UInt256.of(600));

    // A valid federation certificate for limits nobody approved, at the same nonce: alerted,
    // never sent (the vault's nonce stays where it is).
    certify(
        new TokenConfig(
            UInt256.ZERO,
            TOKEN,
            true,
            UInt256.of(900_000_000),
            UInt256.of(3_600),
            UInt256.of(900_000_000),
            UInt256.ZERO));
    await()
        .atMost(WAIT)
        .until(
            () ->
                call("GET", "/api/audit?actor=system:tokens", admin2, null)
                    .body()
                    .contains("token-config.mismatch"));
    assertThat(vault.governanceNonce()).isZero();
    assertThat(sidechainEntry()).isNull();

    // The approved config's certificate: submitted (queued: a registration loosens), then executed
    // after the governance delay.
    certify(approved);
    await().atMost(WAIT).until(() -> vault.governanceNonce().equals(BigInteger.ONE));
    await()
        .atMost(WAIT)
        .until(() -> Boolean.TRUE.equals(vault.tokenSettings(TOKEN).get("registered")));
    Map<String, Object> applied = vault.tokenSettings(TOKEN);
    assertThat(applied.get("periodLimit")).isEqualTo("5000000");
    assertThat(applied.get("delayThreshold")).isEqualTo("1000000");
    assertThat(applied.get("periodSeconds")).isEqualTo(3_600L);
    assertThat(applied.get("delaySeconds")).isEqualTo(600L);

    // The sidechain registered it (as soon as it was certified) with the approved metadata.
    await().atMost(WAIT).until(() -> sidechainEntry() != null);
    JsonNode entry = sidechainEntry();
    assertThat(entry.path("symbol").asText()).isEqualTo("TKN");
    assertThat(entry.path("name").asText()).isEqualTo("Token");
    assertThat(entry.path("decimals").asInt()).isEqualTo(18);
    assertThat(entry.path("registered").asBoolean()).isTrue();
    assertThat(entry.path("maxWithdrawal").asText()).isEqualTo("5000000");
    assertThat(entry.path("governanceNonce").asText()).isEqualTo("0");
    await()
        .atMost(WAIT)
        .until(
            () -> {
              JsonNode progress =
                  JSON.readTree(call("GET", "/api/tokens/configs", admin2, null).body());
              return progress.size() == 1
                  && progress.get(0).path("l1").asText().equals("EXECUTED")
                  && progress.get(0).path("sidechain").asText().equals("APPLIED");
            });

    // A deposit of the new token is minted on the sidechain.
    String alice = "0x00000000000000000000000000000000000a11ce";
    Deposit deposit =
        new Deposit(
            UInt256.of(77),
            TOKEN,
            Address.fromHex(alice),
            Address.fromHex(alice),
            UInt256.of(1234));
    var batch = DepositBatch.of(UInt256.of(900), List.of(deposit));
    Map<String, Object> cert = new LinkedHashMap<>();
    cert.put("epoch", 0);
    cert.put("batchId", 900);
    cert.put(
        "deposits",
        List.of(
            Map.of(
                "nonce",
                "77",
                "token",
                TOKEN.toHex(),
                "sender",
                alice,
                "recipient",
                alice,
                "amount",
                "1234")));
    cert.put(
        "signature",
        Hex.encode(Bls.sign(CHAIN.groupSecret, batch.digest(CHAIN.domain(0))).toCompressed()));
    SIDECHAIN.rpc("bridge_submitDepositCertificate", cert);
    String balanceOf = "0x70a08231" + "0".repeat(24) + alice.substring(2);
    await()
        .atMost(WAIT)
        .until(
            () ->
                new BigInteger(
                        SIDECHAIN
                            .rpc(
                                "eth_call",
                                Map.of(
                                    "to", entry.path("sidechainToken").asText(), "data", balanceOf),
                                "latest")
                            .asText()
                            .substring(2),
                        16)
                    .equals(BigInteger.valueOf(1234)));

    // A later tightening of the now known token: applied at once on L1, then mirrored on the
    // sidechain (the certificate alone: a known token's metadata never changes).
    long id2 =
        JSON.readTree(
                call(
                        "POST",
                        "/api/proposals",
                        TestConsole.BOOTSTRAP_TOKEN,
                        "{\"kind\":\"TOKEN_CONFIG\",\"token\":\""
                            + TOKEN.toHex()
                            + "\",\"registered\":true,\"periodLimit\":\"4000000\","
                            + "\"periodSeconds\":3600,\"delayThreshold\":\"1000000\","
                            + "\"delaySeconds\":600,\"symbol\":\"TKN\",\"name\":\"Token\","
                            + "\"decimals\":18}")
                    .body())
            .path("id")
            .asLong();
    call("POST", "/api/proposals/" + id2 + "/approve", admin2, null);
    await()
        .atMost(WAIT)
        .until(
            () ->
                JSON.readTree(call("GET", "/api/proposals/" + id2, admin2, null).body())
                    .path("state")
                    .asText()
                    .equals("PUBLISHED"));
    certify(
        new TokenConfig(
            UInt256.ONE,
            TOKEN,
            true,
            UInt256.of(4_000_000),
            UInt256.of(3_600),
            UInt256.of(1_000_000),
            UInt256.of(600)));
    await().atMost(WAIT).until(() -> "1".equals(sidechainEntry().path("governanceNonce").asText()));
    assertThat(vault.tokenSettings(TOKEN).get("periodLimit")).isEqualTo("4000000");
    assertThat(sidechainEntry().path("maxWithdrawal").asText()).isEqualTo("4000000");
    assertThat(sidechainEntry().path("symbol").asText()).isEqualTo("TKN");
    JsonNode progress = JSON.readTree(call("GET", "/api/tokens/configs", admin2, null).body());
    assertThat(progress.get(0).path("governanceNonce").asText()).isEqualTo("1");
    assertThat(progress.get(0).path("l1").asText()).isEqualTo("APPLIED");
  }

  /** The sidechain's registry entry of {@link #TOKEN}, or null. */
  private static JsonNode sidechainEntry() {
    for (JsonNode t : SIDECHAIN.rpc("bridge_tokens")) {
      if (t.path("l1Token").asText().equalsIgnoreCase(TOKEN.toHex())) {
        return t;
      }
    }
    return null;
  }
}
