package org.fedbridge.admin.proposals;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.http.HttpResponse;
import java.time.Duration;
import org.fedbridge.admin.ConsoleTest;
import org.fedbridge.admin.TestConsole;
import org.fedbridge.admin.auth.Role;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * M-of-N approvals on the real console (M = 2): the proposer counts once, nobody approves twice,
 * the M-th distinct admin starts the timelock, any admin can cancel until it is carried out, and a
 * single admin can never reach M alone, not even with a second token or a second principal
 * (threats.md row 12 on the governance side).
 */
class ProposalsTest extends ConsoleTest {

  private static String pauserUpdate(String address) {
    return "{\"kind\":\"PAUSER_UPDATE\",\"pauser\":\"" + address + "\",\"enabled\":true}";
  }

  private static String address(int i) {
    return String.format("0x%040x", 0xbeef0000L + i);
  }

  @Test
  void theProposerCountsOnceAndTheSecondAdminStartsTheTimelock() throws Exception {
    JsonNode p = propose(secondAdmin(), pauserUpdate(address(1)));
    assertThat(p.path("state").asText()).isEqualTo("PENDING");
    assertThat(p.path("approvals").toString()).isEqualTo("[\"admin-2\"]");
    assertThat(p.path("readyAt").isNull()).isTrue();
    long id = p.path("id").asLong();

    HttpResponse<String> twice =
        call("POST", "/api/proposals/" + id + "/approve", secondAdmin(), null);
    assertThat(twice.statusCode()).isEqualTo(409);
    assertThat(json(twice).path("detail").asText()).contains("already approved");

    HttpResponse<String> second =
        call("POST", "/api/proposals/" + id + "/approve", TestConsole.BOOTSTRAP_TOKEN, null);
    assertThat(second.statusCode()).isEqualTo(200);
    JsonNode approved = json(second);
    assertThat(approved.path("state").asText()).isEqualTo("APPROVED");
    assertThat(approved.path("approvals").size()).isEqualTo(2);
    assertThat(approved.path("readyAt").asText()).isNotEmpty();

    HttpResponse<String> late =
        call("POST", "/api/proposals/" + id + "/approve", TestConsole.BOOTSTRAP_TOKEN, null);
    assertThat(late.statusCode()).isEqualTo(409);
  }

  @Test
  void anyAdminCancelsDuringTheTimelockAndNothingIsCarriedOut() throws Exception {
    String viewer = principal("grant-candidate-1", Role.VIEWER);
    JsonNode p =
        propose(secondAdmin(), "{\"kind\":\"GRANT_ADMIN\",\"principal\":\"grant-candidate-1\"}");
    long id = p.path("id").asLong();
    assertThat(
            call("POST", "/api/proposals/" + id + "/approve", TestConsole.BOOTSTRAP_TOKEN, null)
                .statusCode())
        .isEqualTo(200);
    HttpResponse<String> cancel =
        call(
            "POST",
            "/api/proposals/" + id + "/cancel",
            TestConsole.BOOTSTRAP_TOKEN,
            "{\"reason\":\"second thoughts\"}");
    assertThat(cancel.statusCode()).isEqualTo(200);
    assertThat(json(cancel).path("state").asText()).isEqualTo("CANCELLED");
    assertThat(json(cancel).path("closeReason").asText()).isEqualTo("second thoughts");
    // Well past the timelock: still not an admin.
    await()
        .during(Duration.ofSeconds(4))
        .atMost(Duration.ofSeconds(10))
        .until(() -> !principals.authenticate(viewer).orElseThrow().has(Role.ADMIN));
    assertThat(json(call("GET", "/api/proposals/" + id, viewer, null)).path("state").asText())
        .isEqualTo("CANCELLED");
    assertThat(call("POST", "/api/proposals/" + id + "/approve", secondAdmin(), null).statusCode())
        .isEqualTo(409);
  }

  @Test
  void anApprovedGrantIsCarriedOutAfterTheTimelock() throws Exception {
    String candidate = principal("grant-candidate-2", Role.VIEWER);
    long id =
        propose(
                TestConsole.BOOTSTRAP_TOKEN,
                "{\"kind\":\"GRANT_ADMIN\",\"principal\":\"grant-candidate-2\"}")
            .path("id")
            .asLong();
    call("POST", "/api/proposals/" + id + "/approve", secondAdmin(), null);
    await()
        .atMost(Duration.ofSeconds(20))
        .until(
            () ->
                json(call("GET", "/api/proposals/" + id, candidate, null))
                    .path("state")
                    .asText()
                    .equals("EXECUTED"));
    assertThat(principals.authenticate(candidate).orElseThrow().has(Role.ADMIN)).isTrue();
  }

  @Test
  void exploitASingleAdminCannotReachMAloneWithASecondTokenOrASecondIdentity() throws Exception {
    long id = propose(secondAdmin(), pauserUpdate(address(2))).path("id").asLong();
    // A second token of the same principal is the same approver.
    String again =
        json(call("POST", "/api/me/tokens", secondAdmin(), "{\"label\":\"second\"}"))
            .path("token")
            .asText();
    HttpResponse<String> r = call("POST", "/api/proposals/" + id + "/approve", again, null);
    assertThat(r.statusCode()).isEqualTo(409);
    // Nor can the admin mint itself another admin identity once M admins exist.
    HttpResponse<String> sock =
        call(
            "POST",
            "/api/principals",
            secondAdmin(),
            "{\"name\":\"admin-2-sockpuppet\",\"roles\":[\"ADMIN\"]}");
    assertThat(sock.statusCode()).isEqualTo(409);
    assertThat(json(sock).path("detail").asText()).contains("GRANT_ADMIN");
    // A principal it may create has no vote.
    String puppet =
        json(call(
                "POST",
                "/api/principals",
                secondAdmin(),
                "{\"name\":\"admin-2-puppet\",\"roles\":[\"OPERATOR\",\"PAUSER\"]}"))
            .path("token")
            .asText();
    assertThat(call("POST", "/api/proposals/" + id + "/approve", puppet, null).statusCode())
        .isEqualTo(403);
    // Still one approval, still pending: nothing was published or carried out.
    JsonNode p = json(call("GET", "/api/proposals/" + id, puppet, null));
    assertThat(p.path("state").asText()).isEqualTo("PENDING");
    assertThat(p.path("approvals").size()).isEqualTo(1);
  }

  @Test
  void aMemberChangeBlocksAnotherUntilItIsCancelled() throws Exception {
    long first =
        propose(
                secondAdmin(),
                "{\"kind\":\"ADD_MEMBER\",\"operatorId\":\"op-joiner\",\"identityPublicKey\":\""
                    + TestConsole.newIdentityKeyHex()
                    + "\"}")
            .path("id")
            .asLong();
    HttpResponse<String> second =
        call(
            "POST",
            "/api/proposals",
            TestConsole.BOOTSTRAP_TOKEN,
            "{\"kind\":\"CHANGE_THRESHOLD\",\"threshold\":4}");
    assertThat(second.statusCode()).isEqualTo(409);
    assertThat(json(second).path("detail").asText()).contains("already changes the members");
    call("POST", "/api/proposals/" + first + "/cancel", TestConsole.BOOTSTRAP_TOKEN, "{}");
    JsonNode ok =
        propose(TestConsole.BOOTSTRAP_TOKEN, "{\"kind\":\"CHANGE_THRESHOLD\",\"threshold\":4}");
    assertThat(ok.path("summary").asText()).contains("epoch 1 with 4-of-4");
    call(
        "POST",
        "/api/proposals/" + ok.path("id").asLong() + "/cancel",
        TestConsole.BOOTSTRAP_TOKEN,
        "{}");
  }

  @Test
  void fieldsThatDoNotBelongOrAreMalformedAreRefusedAndNothingIsStored() throws Exception {
    int before = json(call("GET", "/api/proposals", TestConsole.BOOTSTRAP_TOKEN, null)).size();
    for (String bad :
        new String[] {
          "{\"kind\":\"PAUSER_UPDATE\",\"pauser\":\"0x12\",\"enabled\":true}",
          "{\"kind\":\"PAUSER_UPDATE\",\"pauser\":\""
              + address(3)
              + "\",\"enabled\":true,\"threshold\":3}",
          "{\"kind\":\"TOKEN_CONFIG\",\"token\":\""
              + address(4)
              + "\",\"registered\":true,"
              + "\"periodLimit\":\"79228162514264337593543950336\",\"periodSeconds\":60,"
              + "\"delayThreshold\":\"1\",\"delaySeconds\":0}",
          "{\"kind\":\"ADD_MEMBER\",\"operatorId\":\"Op_X\",\"identityPublicKey\":\"0x02\"}",
          "{\"kind\":\"NO_SUCH_KIND\"}",
          "{\"kind\":",
        }) {
      HttpResponse<String> r = call("POST", "/api/proposals", TestConsole.BOOTSTRAP_TOKEN, bad);
      assertThat(r.statusCode()).as(bad).isEqualTo(400);
      assertThat(r.headers().firstValue("Content-Type").orElse(""))
          .startsWith("application/problem+json");
    }
    assertThat(json(call("GET", "/api/proposals", TestConsole.BOOTSTRAP_TOKEN, null)).size())
        .isEqualTo(before);
  }
}
