package org.fedbridge.admin.pause;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.Map;
import org.fedbridge.admin.TestChain;
import org.fedbridge.admin.TestConsole;
import org.fedbridge.admin.auth.AdminPrincipal;
import org.fedbridge.admin.auth.Principals;
import org.fedbridge.admin.auth.Role;
import org.fedbridge.admin.chain.Vault;
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
 * A PAUSER pauses the real vault on anvil at once with the console's pauser key (V3 keystore), only
 * after typing the confirmation; the pause is audited; pausing twice is refused; nobody else can
 * pause.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class PauseTest {
  private static final TestChain CHAIN = TestChain.start(TestConsole.dir("pause-chain"));
  private static final JsonMapper JSON = JsonMapper.builder().build();

  @Autowired Environment environment;
  @Autowired Principals principals;
  @Autowired Vault vault;

  @DynamicPropertySource
  static void settings(DynamicPropertyRegistry registry) {
    Map<String, String> s =
        new LinkedHashMap<>(
            TestConsole.settings(TestConsole.database("admin_pause"), TestConsole.dir("pause")));
    s.putAll(CHAIN.settings());
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
            new AdminPrincipal(
                "bootstrap", java.util.Set.of(Role.ADMIN), AdminPrincipal.Source.API_TOKEN, 0),
            name,
            java.util.Set.of(role))
        .orThrow()
        .token();
  }

  @Test
  void aPauserPausesTheVaultAtOnceWithConfirmationAndItIsAudited() throws Exception {
    String pauser = principal("pauser-alice", Role.PAUSER);
    String operator = principal("operator-bob", Role.OPERATOR);
    JsonNode status = JSON.readTree(call("GET", "/api/pause", operator, null).body());
    assertThat(status.path("paused").asBoolean()).isFalse();
    assertThat(status.path("pauserConfigured").asBoolean()).isTrue();
    assertThat(status.path("pauser").asText()).isEqualToIgnoringCase(CHAIN.pauser.getAddress());

    // Without the confirmation word nothing is sent.
    HttpResponse<String> unconfirmed =
        call("POST", "/api/pause", pauser, "{\"confirm\":\"yes\",\"reason\":\"test\"}");
    assertThat(unconfirmed.statusCode()).isEqualTo(400);
    assertThat(unconfirmed.body()).contains("confirm");
    assertThat(vault.paused()).isFalse();
    // An admin or operator without the PAUSER role cannot.
    assertThat(
            call(
                    "POST",
                    "/api/pause",
                    TestConsole.BOOTSTRAP_TOKEN,
                    "{\"confirm\":\"PAUSE\",\"reason\":\"admin tries\"}")
                .statusCode())
        .isEqualTo(403);
    assertThat(vault.paused()).isFalse();

    HttpResponse<String> paused =
        call("POST", "/api/pause", pauser, "{\"confirm\":\"PAUSE\",\"reason\":\"drill\"}");
    assertThat(paused.statusCode()).as(paused.body()).isEqualTo(200);
    JsonNode sent = JSON.readTree(paused.body());
    assertThat(sent.path("hash").asText()).startsWith("0x").hasSize(66);
    assertThat(sent.path("block").asLong()).isPositive();
    assertThat(vault.paused()).isTrue();

    HttpResponse<String> again =
        call("POST", "/api/pause", pauser, "{\"confirm\":\"PAUSE\",\"reason\":\"again\"}");
    assertThat(again.statusCode()).isEqualTo(409);
    assertThat(JSON.readTree(again.body()).path("detail").asText()).contains("already paused");

    JsonNode audit =
        JSON.readTree(call("GET", "/api/audit?actor=pauser-alice", operator, null).body());
    assertThat(audit.path("entries").findValuesAsString("action"))
        .contains("vault.pause", "vault.pause.send");
    assertThat(audit.path("entries").get(0).path("details").asText())
        .contains(sent.path("hash").asText());
    assertThat(
            JSON.readTree(call("GET", "/api/pause", operator, null).body())
                .path("paused")
                .asBoolean())
        .isTrue();
  }
}
