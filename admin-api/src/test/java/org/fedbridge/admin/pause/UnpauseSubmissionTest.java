package org.fedbridge.admin.pause;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.math.BigInteger;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.fedbridge.admin.TestChain;
import org.fedbridge.admin.TestConsole;
import org.fedbridge.admin.TestKafkaProducer;
import org.fedbridge.admin.auth.AdminPrincipal;
import org.fedbridge.admin.auth.Principals;
import org.fedbridge.admin.auth.Role;
import org.fedbridge.admin.chain.Vault;
import org.fedbridge.core.message.Unpause;
import org.fedbridge.core.types.UInt256;
import org.fedbridge.core.wire.CertificateBody.UnpauseBody;
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
 * A pause and its unpause driven from the console against the real vault on anvil: a PAUSER pauses;
 * an UNPAUSE proposal for that pause is approved by two admins and published after the timelock;
 * the federation's {@code UNPAUSE} certificate arrives on {@code bridge.certificates} (made here
 * with the test chain's group key, as the validators would: bridge-validator's {@code
 * PauseCertificationExploitTest} makes it with real validators); the console submits it, the vault
 * queues it, the console executes it after the governance delay, and the vault runs again. {@code
 * GET /api/pause} says at every step where the unpause stands. A valid federation certificate for
 * another unpause at the same nonce (threats.md row 12: a later pause, signed by a stolen
 * threshold) is alerted and sent nowhere; a proposal short of its approvals publishes nothing.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class UnpauseSubmissionTest {
  private static final TestChain CHAIN = TestChain.start(TestConsole.dir("unpause-chain"));
  private static final String CERTIFICATES = "it.unpause.certificates." + UUID.randomUUID();
  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static final Duration WAIT = Duration.ofSeconds(60);

  @Autowired Environment environment;
  @Autowired Principals principals;
  @Autowired Vault vault;

  @DynamicPropertySource
  static void settings(DynamicPropertyRegistry registry) {
    Map<String, String> s =
        new LinkedHashMap<>(
            TestConsole.settings(
                TestConsole.database("admin_unpause"), TestConsole.dir("unpause")));
    s.putAll(CHAIN.settings());
    s.put("bridge.admin.topics.certificates", CERTIFICATES);
    s.put("bridge.admin.topics.heartbeats", "it.unpause.heartbeats." + UUID.randomUUID());
    s.put("bridge.admin.topics.governance", "it.unpause.governance." + UUID.randomUUID());
    s.put("bridge.admin.governance-poll", "PT0.5S");
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

  private String principal(String name, Role role) {
    return principals
        .create(
            new AdminPrincipal("bootstrap", Set.of(Role.ADMIN), AdminPrincipal.Source.API_TOKEN, 0),
            name,
            Set.of(role))
        .orThrow()
        .token();
  }

  private void certify(Unpause u) {
    CertificateRecord r = CHAIN.certificate(new UnpauseBody(u), u);
    TestKafkaProducer.send(CERTIFICATES, r.kafkaKey(), r.encode());
  }

  /** The unpause of proposal {@code id} as {@code GET /api/pause} shows it. */
  private JsonNode unpause(String token, long id) throws Exception {
    for (JsonNode u :
        JSON.readTree(call("GET", "/api/pause", token, null).body()).path("unpauses")) {
      if (u.path("proposal").asLong() == id) {
        return u;
      }
    }
    return JSON.missingNode();
  }

  private long propose(String token, int pauseCount) throws Exception {
    HttpResponse<String> r =
        call(
            "POST",
            "/api/proposals",
            token,
            "{\"kind\":\"UNPAUSE\",\"pauseCount\":" + pauseCount + "}");
    assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
    return JSON.readTree(r.body()).path("id").asLong();
  }

  @Test
  void aPauseIsLiftedOnlyByTheApprovedAndCertifiedUnpauseExploit() throws Exception {
    String pauser = principal("unpause-pauser", Role.PAUSER);
    String viewer = principal("unpause-viewer", Role.VIEWER);
    String admin2 = principal("unpause-admin-2", Role.ADMIN);
    HttpResponse<String> paused =
        call("POST", "/api/pause", pauser, "{\"confirm\":\"PAUSE\",\"reason\":\"incident\"}");
    assertThat(paused.statusCode()).as(paused.body()).isEqualTo(200);
    assertThat(vault.paused()).isTrue();
    assertThat(vault.pauseCount()).isEqualTo(BigInteger.ONE);

    // One admin's proposal alone publishes nothing and changes nothing.
    long lone = propose(TestConsole.BOOTSTRAP_TOKEN, 1);
    assertThat(unpause(viewer, lone).path("stage").asText()).isEqualTo("PROPOSED");
    assertThat(unpause(viewer, lone).path("reason").asText()).contains("1 of 2");
    call("POST", "/api/proposals/" + lone + "/cancel", admin2, "{\"reason\":\"duplicate\"}");
    assertThat(unpause(viewer, lone).path("stage").asText()).isEqualTo("CANCELLED");

    // The approved proposal: published after the timelock, then waits for the federation.
    long id = propose(TestConsole.BOOTSTRAP_TOKEN, 1);
    assertThat(
            JSON.readTree(call("POST", "/api/proposals/" + id + "/approve", admin2, null).body())
                .path("state")
                .asText())
        .isEqualTo("APPROVED");
    await()
        .atMost(WAIT)
        .until(
            () -> unpause(viewer, id).path("reason").asText().contains("federation's certificate"));
    assertThat(unpause(viewer, id).path("stage").asText()).isEqualTo("PUBLISHED");
    assertThat(unpause(viewer, id).path("governanceNonce").asText()).isEqualTo("0");

    // A valid federation certificate for a later pause's unpause at the same nonce: alerted,
    // never sent (the vault's nonce stays, it stays paused).
    certify(new Unpause(UInt256.ZERO, UInt256.of(2)));
    await()
        .atMost(WAIT)
        .until(
            () ->
                call("GET", "/api/audit?actor=system:governance", TestConsole.BOOTSTRAP_TOKEN, null)
                    .body()
                    .contains("governance.certificate-mismatch"));
    assertThat(vault.governanceNonce()).isZero();
    assertThat(vault.paused()).isTrue();
    assertThat(unpause(viewer, id).path("stage").asText()).isEqualTo("PUBLISHED");

    // The approved unpause's certificate: submitted, queued until the governance delay ends,
    // executed; the vault runs again.
    certify(new Unpause(UInt256.ZERO, UInt256.ONE));
    await().atMost(WAIT).until(() -> unpause(viewer, id).path("stage").asText().equals("QUEUED"));
    JsonNode queued = unpause(viewer, id);
    assertThat(queued.path("until").isNull()).isFalse();
    assertThat(queued.path("reason").asText()).contains("queued on L1 until");
    assertThat(vault.governanceNonce()).isEqualTo(BigInteger.ONE);
    assertThat(vault.paused()).isTrue();
    await().atMost(WAIT).until(() -> !vault.paused());
    await().atMost(WAIT).until(() -> unpause(viewer, id).path("stage").asText().equals("EXECUTED"));
    JsonNode done = unpause(viewer, id);
    assertThat(done.path("reason").asText()).contains("unpaused");
    assertThat(done.path("transaction").asText()).startsWith("0x");
    assertThat(vault.pauseCount()).isEqualTo(BigInteger.ONE);

    // A second unpause of that pause, approved once the vault runs again, could never be signed:
    // it fails before it takes a governance nonce, so the nonces behind it never wait on it.
    long late = propose(TestConsole.BOOTSTRAP_TOKEN, 1);
    call("POST", "/api/proposals/" + late + "/approve", admin2, null);
    await().atMost(WAIT).until(() -> unpause(viewer, late).path("stage").asText().equals("FAILED"));
    assertThat(unpause(viewer, late).path("reason").asText()).contains("not in pause 1");
    assertThat(
            unpause(viewer, late).path("governanceNonce").isMissingNode()
                || unpause(viewer, late).path("governanceNonce").isNull())
        .isTrue();
    assertThat(vault.governanceNonce()).isEqualTo(BigInteger.ONE);
  }
}
