package org.fedbridge.validator.federation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.fedbridge.core.dkg.IdentityKey;
import org.fedbridge.core.types.Hex;
import org.fedbridge.testsupport.RealInfrastructure;
import org.fedbridge.validator.dkg.DkgFixture;
import org.fedbridge.validator.dkg.DkgOutcome;
import org.fedbridge.validator.keys.TestKeys;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.core.env.Environment;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The service started with {@code bridge.validator.federation.spec}: it runs its part of the DKG in
 * the background with the three other members, writes its share and reports the confirmed
 * federation at {@code GET /federation}.
 */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    args = {
      "--bridge.validator.operator-id=first-start",
      "--bridge.validator.l1.rpc-url=http://127.0.0.1:9",
      "--bridge.validator.l1.chain-id=31337",
      "--bridge.validator.l1.vault=0x5FbDB2315678afecb367f032d93F642f64180aa3",
      "--bridge.validator.sidechain.rpc-url=http://127.0.0.1:9",
      "--bridge.validator.sidechain.chain-id=1337",
      "--spring.flyway.schemas=first_start",
      "--spring.flyway.default-schema=first_start",
      "--spring.jpa.properties.hibernate.default_schema=first_start",
      "--spring.datasource.hikari.schema=first_start"
    })
class FirstStartDkgTest {
  static final Path DIR = Path.of("target", "first-start-dkg").toAbsolutePath();
  static DkgFixture.Others others;

  @Autowired Environment environment;

  @DynamicPropertySource
  static void settings(DynamicPropertyRegistry registry) throws Exception {
    RealInfrastructure.register(registry, "bridge.validator.kafka.bootstrap-servers");
    org.springframework.util.FileSystemUtils.deleteRecursively(DIR);
    IdentityKey me = TestKeys.identity(DIR.resolve("keys"), "first-start");
    Path spec = DIR.resolve("federation.json");
    others = DkgFixture.othersJoin("first_start", "first-start", me, 4, 3, spec);
    TestKeys.settings(DIR.resolve("keys")).forEach((k, v) -> registry.add(k, () -> v));
    registry.add("bridge.validator.federation.spec", spec::toString);
    registry.add("bridge.validator.topics.dkg", () -> others.topic());
  }

  @Test
  void theServiceRunsTheDkgOfItsSpecAtStartUpAndReportsTheConfirmedFederation() throws Exception {
    DkgOutcome.Confirmed other =
        (DkgOutcome.Confirmed) others.runs().get(0).get(3, TimeUnit.MINUTES);
    String groupKey = Hex.encode(other.federation().groupKey().toCompressed());
    URI uri =
        URI.create(
            "http://127.0.0.1:" + environment.getProperty("local.server.port") + "/federation");
    ObjectMapper json = new ObjectMapper();
    await("the service's DKG confirmed")
        .atMost(Duration.ofMinutes(2))
        .until(() -> get(uri, json).path("confirmedByDkg").size() == 1);
    JsonNode confirmed = get(uri, json).get("confirmedByDkg").get(0);
    assertThat(confirmed.get("groupPublicKey").asText()).isEqualTo(groupKey);
    assertThat(confirmed.get("myIndex").asInt()).isEqualTo(1);
    assertThat(confirmed.get("myShare").asBoolean()).isTrue();
    assertThat(Files.exists(DIR.resolve("keys/share-epoch-0.json"))).isTrue();
    // No chain is reachable here: nothing is current, so nothing would be signed.
    assertThat(get(uri, json).has("current")).isFalse();
  }

  static JsonNode get(URI uri, ObjectMapper json) throws Exception {
    HttpResponse<String> r =
        HttpClient.newHttpClient()
            .send(HttpRequest.newBuilder(uri).build(), HttpResponse.BodyHandlers.ofString());
    return json.readTree(r.body());
  }
}
