package org.fedbridge.admin.rotation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.http.HttpResponse;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.fedbridge.admin.TestBridge;
import org.fedbridge.admin.TestChain;
import org.fedbridge.admin.TestConsole;
import org.fedbridge.admin.TestKafkaProducer;
import org.fedbridge.admin.TestSidechain;
import org.fedbridge.admin.auth.AdminPrincipal;
import org.fedbridge.admin.auth.Principals;
import org.fedbridge.admin.auth.Role;
import org.fedbridge.admin.chain.Vault;
import org.fedbridge.admin.federation.Roster;
import org.fedbridge.core.bls.Bls;
import org.fedbridge.core.bls.SecretKey;
import org.fedbridge.core.message.EpochChange;
import org.fedbridge.core.threshold.Member;
import org.fedbridge.core.threshold.MemberSet;
import org.fedbridge.core.threshold.SecretShare;
import org.fedbridge.core.threshold.Shamir;
import org.fedbridge.core.threshold.ThresholdPolicy;
import org.fedbridge.core.types.UInt256;
import org.fedbridge.core.wire.CertificateBody.EpochChangeBody;
import org.fedbridge.core.wire.CertificateRecord;
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
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A rotation from the console's side, with the federation played by the test (it holds the shares
 * of epoch 0 and deals epoch 1 as the DKG would): a fifth operator is proposed and approved, the
 * rotation is published; an EpochChange that names other members than the approved ones, even if a
 * threshold of the current federation signed it, is flagged and submitted nowhere; the one that
 * matches is applied on L1 and on the sidechain by the console, and the rotation completes.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class RotationTest {
  private static final TestChain CHAIN = TestChain.start(TestConsole.dir("rotation-chain"));
  private static final TestSidechain SIDECHAIN =
      TestSidechain.start(
          CHAIN, TestConsole.dir("rotation-sidechain"), "admin_rot_sidechain", Map.of());
  private static final TestBridge BRIDGE = new TestBridge(CHAIN, SIDECHAIN);
  private static final String CERTIFICATES = "it.rotation.certificates." + UUID.randomUUID();
  private static final JsonMapper JSON = JsonMapper.builder().build();

  @Autowired Environment environment;
  @Autowired Principals principals;
  @Autowired Roster roster;
  @Autowired Vault vault;

  @DynamicPropertySource
  static void settings(DynamicPropertyRegistry registry) {
    Map<String, String> s =
        new LinkedHashMap<>(
            TestConsole.settings(
                TestConsole.database("admin_rotation"), TestConsole.dir("rotation")));
    s.putAll(CHAIN.settings());
    s.put("bridge.admin.sidechain.rpc-url", SIDECHAIN.url());
    s.put("bridge.admin.topics.certificates", CERTIFICATES);
    s.put("bridge.admin.topics.heartbeats", "it.rotation.heartbeats." + UUID.randomUUID());
    s.put("bridge.admin.topics.governance", "it.rotation.governance." + UUID.randomUUID());
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

  /** What the new members' DKG would produce: a 4-of-5 sharing of a fresh group key. */
  private static EpochChange dealt(List<String> operators, int t) {
    SecretKey next = SecretKey.random(new SecureRandom());
    List<Member> members = new ArrayList<>();
    for (SecretShare s :
        Shamir.split(next, new ThresholdPolicy(t, operators.size()), new SecureRandom())) {
      members.add(new Member(s.index(), operators.get(s.index() - 1), s.publicKey()));
    }
    return new EpochChange(UInt256.ONE, next.publicKey(), MemberSet.of(members, t).orThrow());
  }

  /** Epoch 0 signs the hand-over (any t of its shares make the same signature). */
  private static void certify(EpochChange change) {
    CertificateRecord c =
        new CertificateRecord(
            0,
            new EpochChangeBody(change),
            Bls.sign(CHAIN.groupSecret, change.digest(BRIDGE.domain(0))),
            List.of(1, 2, 3),
            1);
    TestKafkaProducer.send(CERTIFICATES, c.kafkaKey(), c.encode());
  }

  private JsonNode rotation(String token) throws Exception {
    return JSON.readTree(call("GET", "/api/federation/rotation", token, null).body());
  }

  private static String admin2;

  private String secondAdmin() {
    if (admin2 == null) {
      admin2 =
          principals
              .create(
                  new AdminPrincipal(
                      "bootstrap",
                      java.util.Set.of(Role.ADMIN),
                      AdminPrincipal.Source.API_TOKEN,
                      0),
                  "rotation-admin-2",
                  java.util.Set.of(Role.ADMIN))
              .orThrow()
              .token();
    }
    return admin2;
  }

  /** Proposes {@code operator} as a new member (bootstrap admin) and approves it (admin 2). */
  private void addMemberApproved(String operator) throws Exception {
    long id =
        JSON.readTree(
                call(
                        "POST",
                        "/api/proposals",
                        TestConsole.BOOTSTRAP_TOKEN,
                        "{\"kind\":\"ADD_MEMBER\",\"operatorId\":\""
                            + operator
                            + "\",\"identityPublicKey\":\""
                            + TestConsole.newIdentityKeyHex()
                            + "\"}")
                    .body())
            .path("id")
            .asLong();
    call("POST", "/api/proposals/" + id + "/approve", secondAdmin(), null);
  }

  /**
   * A rotation whose DKG never finishes (nobody runs it here: as if a named member never started)
   * waits for ever; an admin abandons it from the console (confirmed, audited), and the next member
   * change for the same epoch is published with a new DKG attempt.
   */
  @Test
  @Order(1)
  void aRotationThatCannotFinishIsAbandonedFromTheConsole() throws Exception {
    String admin2 = secondAdmin();
    assertThat(call("POST", ABANDON, admin2, abandon("ABANDON")).statusCode())
        .as("nothing to abandon yet")
        .isEqualTo(409);
    addMemberApproved("op-never");
    await().atMost(Duration.ofSeconds(30)).until(() -> roster.planned().isPresent());
    assertThat(roster.planned().orElseThrow().attempt()).isZero();
    await()
        .atMost(Duration.ofSeconds(30))
        .until(() -> rotation(admin2).path("steps").toString().contains("run their DKG"));

    // Without the confirmation word nothing changes.
    HttpResponse<String> unconfirmed = call("POST", ABANDON, admin2, abandon("yes"));
    assertThat(unconfirmed.statusCode()).isEqualTo(400);
    assertThat(roster.planned()).isPresent();

    HttpResponse<String> abandoned = call("POST", ABANDON, admin2, abandon("ABANDON"));
    assertThat(abandoned.statusCode()).as(abandoned.body()).isEqualTo(200);
    assertThat(JSON.readTree(abandoned.body()).path("epoch").asLong()).isEqualTo(1);
    assertThat(roster.planned()).isEmpty();
    assertThat(roster.epoch(1).orElseThrow().state()).isEqualTo("ABANDONED");
    assertThat(rotation(admin2).path("state").asText()).isEqualTo("abandoned");
    JsonNode audit =
        JSON.readTree(call("GET", "/api/audit?limit=20", TestConsole.BOOTSTRAP_TOKEN, null).body());
    JsonNode entry = null;
    for (JsonNode e : audit.path("entries")) {
      if (e.path("action").asText().equals("epoch.abandon")
          && !e.path("outcome").asText().equals("refused")) {
        entry = e;
      }
    }
    assertThat(entry).as(audit.toString()).isNotNull();
    assertThat(entry.path("actor").asText()).isEqualTo("rotation-admin-2");
    assertThat(audit.path("entries").toString())
        .as("the refused attempt before is audited too")
        .contains("no rotation is in progress");
    assertThat(entry.path("target").asText()).isEqualTo("epoch/1");
    assertThat(call("GET", "/api/audit/verify", admin2, null).body()).contains("\"valid\":true");
    assertThat(vault.currentEpoch()).isZero();
  }

  private static final String ABANDON = "/api/federation/rotation/abandon";

  private static String abandon(String word) {
    return "{\"confirm\":\"" + word + "\",\"reason\":\"op-never does not run its DKG\"}";
  }

  @Test
  @Order(2)
  void aFifthOperatorJoinsAndTheRotationIsAppliedOnBothChains() throws Exception {
    String admin2 = secondAdmin();
    addMemberApproved("op-5");
    await().atMost(Duration.ofSeconds(30)).until(() -> roster.planned().isPresent());
    // The abandoned epoch 1 is planned again, as a new DKG session (attempt 1).
    assertThat(roster.planned().orElseThrow().attempt()).isEqualTo(1);
    await()
        .atMost(Duration.ofSeconds(30))
        .until(() -> rotation(admin2).path("steps").toString().contains("run their DKG"));
    // The console says who signs the hand-over: epoch 0's members that stay, t = 3 of them.
    assertThat(rotation(admin2).path("steps").toString())
        .contains("the members of epoch 0 that stay (op-1, op-2, op-3, op-4)")
        .contains("3 partials make the certificate");

    // A threshold of epoch 0 (stolen, or colluding) hands over to a set the admins never approved.
    certify(dealt(List.of("op-1", "op-2", "op-3", "op-4", "op-evil"), 4));
    await()
        .atMost(Duration.ofSeconds(30))
        .until(() -> rotation(admin2).path("steps").toString().contains("not the approved"));
    assertThat(vault.currentEpoch()).isZero();
    assertThat(SIDECHAIN.rpc("bridge_epoch").path("number").asLong()).isZero();

    // The approved hand-over.
    certify(dealt(List.of("op-1", "op-2", "op-3", "op-4", "op-5"), 4));
    await()
        .atMost(Duration.ofSeconds(90))
        .until(() -> rotation(admin2).path("state").asText().equals("complete"));
    JsonNode done = rotation(admin2);
    assertThat(done.path("steps").findValuesAsString("step"))
        .contains("published", "dkg", "certificate", "l1", "sidechain", "active");
    assertThat(vault.currentEpoch()).isEqualTo(1);
    assertThat(SIDECHAIN.rpc("bridge_epoch").path("number").asLong()).isEqualTo(1);
    assertThat(roster.current().orElseThrow().epoch()).isEqualTo(1);
    assertThat(roster.current().orElseThrow().members()).hasSize(5);
    JsonNode federation = JSON.readTree(call("GET", "/api/federation", admin2, null).body());
    assertThat(federation.path("epoch").path("epoch").asLong()).isEqualTo(1);
    assertThat(federation.path("epoch").path("threshold").asInt()).isEqualTo(4);
    JsonNode alerts =
        JSON.readTree(
            call(
                    "GET",
                    "/api/audit?actor=system:rotation&limit=20",
                    TestConsole.BOOTSTRAP_TOKEN,
                    null)
                .body());
    assertThat(alerts.path("entries").findValuesAsString("action"))
        .contains("rotation.mismatch", "epoch.activate");
    assertThat(call("POST", ABANDON, admin2, abandon("ABANDON")).statusCode())
        .as("a completed rotation cannot be abandoned")
        .isEqualTo(409);
  }
}
