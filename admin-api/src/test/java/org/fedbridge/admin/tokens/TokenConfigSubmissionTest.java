package org.fedbridge.admin.tokens;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.math.BigInteger;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.fedbridge.admin.TestChain;
import org.fedbridge.admin.TestConsole;
import org.fedbridge.admin.TestKafkaProducer;
import org.fedbridge.admin.auth.AdminPrincipal;
import org.fedbridge.admin.auth.Principals;
import org.fedbridge.admin.auth.Role;
import org.fedbridge.admin.chain.Vault;
import org.fedbridge.core.bls.Bls;
import org.fedbridge.core.message.Domain;
import org.fedbridge.core.message.TokenConfig;
import org.fedbridge.core.types.Address;
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
 * A token registration approved on the console reaches the real vault on anvil: the console
 * publishes it, the federation's {@code TOKEN_CONFIG} certificate arrives on {@code
 * bridge.certificates} (made here with the test chain's group key, as the validators would), the
 * console submits it (a registration is a loosening: queued) and executes it after the governance
 * delay. A federation certificate for another config at the same nonce (threats.md row 12: limits
 * the admins never approved, e.g. signed by a stolen threshold) is alerted and submitted nowhere.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class TokenConfigSubmissionTest {
  private static final TestChain CHAIN = TestChain.start(TestConsole.dir("tokens-chain"));
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
    TestConsole.register(registry, s);
  }

  @AfterAll
  static void stop() {
    CHAIN.close();
  }

  private HttpResponse<String> call(String method, String path, String token, String body)
      throws Exception {
    return TestConsole.call(environment, method, path, token, body);
  }

  private Domain domain() {
    return new Domain(
        UInt256.of(CHAIN.anvil.chainId()),
        Address.fromHex(CHAIN.vault),
        UInt256.of(TestChain.SIDECHAIN_ID),
        UInt256.ZERO);
  }

  /** Epoch 0's certificate over {@code c} (any t of its shares make this same signature). */
  private void certify(TokenConfig c) {
    CertificateRecord r =
        new CertificateRecord(
            0,
            new TokenConfigBody(c),
            Bls.sign(CHAIN.groupSecret, c.digest(domain())),
            List.of(1, 2, 3),
            1);
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
  }
}
