package org.fedbridge.admin.governance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.http.HttpResponse;
import java.sql.Connection;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.fedbridge.admin.TestConsole;
import org.fedbridge.admin.auth.AdminPrincipal;
import org.fedbridge.admin.auth.Principals;
import org.fedbridge.admin.auth.Role;
import org.fedbridge.admin.federation.Roster;
import org.fedbridge.core.dkg.IdentityPublicKey;
import org.fedbridge.core.types.Hex;
import org.fedbridge.core.wire.GovernanceAction.Rotation;
import org.fedbridge.core.wire.GovernanceRecord;
import org.fedbridge.testsupport.TestKafka;
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
 * An approved rotation goes out on {@code bridge.governance} only after the timelock, once, signed
 * by the governance key, and plans the next epoch; a record committed but not yet acknowledged is
 * sent again after a crash. Here the federation is op-1 and op-2 with t = 2.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class GovernancePublicationTest {
  private static final String DB = TestConsole.database("admin_governance");
  private static final String TOPIC = "it.governance." + UUID.randomUUID();
  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static final KafkaConsumer<byte[], byte[]> CONSUMER = consumer();

  @Autowired Environment environment;
  @Autowired Principals principals;
  @Autowired Roster roster;
  @Autowired GovernancePublisher publisher;

  @DynamicPropertySource
  static void settings(DynamicPropertyRegistry registry) {
    Map<String, String> s =
        new java.util.LinkedHashMap<>(TestConsole.settings(DB, TestConsole.dir("governance")));
    s.put(
        "bridge.admin.federation.genesis-spec",
        TestConsole.genesisSpec(TestConsole.dir("governance"), 2, 2).toString());
    s.put("bridge.admin.topics.governance", TOPIC);
    s.put("bridge.admin.timelock", "PT3S");
    TestConsole.register(registry, s);
  }

  @AfterAll
  static void close() {
    CONSUMER.close();
  }

  private static KafkaConsumer<byte[], byte[]> consumer() {
    Properties p = new Properties();
    p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, TestKafka.shared().bootstrapServers());
    p.put(ConsumerConfig.GROUP_ID_CONFIG, "it-" + UUID.randomUUID());
    p.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
    KafkaConsumer<byte[], byte[]> c =
        new KafkaConsumer<>(p, new ByteArrayDeserializer(), new ByteArrayDeserializer());
    c.subscribe(List.of(TOPIC));
    return c;
  }

  private final List<ConsumerRecord<byte[], byte[]>> seen = new ArrayList<>();

  private List<ConsumerRecord<byte[], byte[]>> poll() {
    CONSUMER.poll(Duration.ofMillis(200)).forEach(seen::add);
    return seen;
  }

  private HttpResponse<String> call(String method, String path, String token, String body)
      throws Exception {
    return TestConsole.call(environment, method, path, token, body);
  }

  private String secondAdmin() {
    return principals
        .create(
            new AdminPrincipal(
                "bootstrap", java.util.Set.of(Role.ADMIN), AdminPrincipal.Source.API_TOKEN, 0),
            "gov-admin-2",
            java.util.Set.of(Role.ADMIN))
        .orThrow()
        .token();
  }

  @Test
  void exploitRoninLeavingOneOperatorWithTheThresholdIsRefused() throws Exception {
    HttpResponse<String> r =
        call(
            "POST",
            "/api/proposals",
            TestConsole.BOOTSTRAP_TOKEN,
            "{\"kind\":\"REMOVE_MEMBER\",\"operatorId\":\"op-2\"}");
    assertThat(r.statusCode()).isEqualTo(422);
    assertThat(JSON.readTree(r.body()).path("detail").asText())
        .contains("threats row 1")
        .contains("one operator would hold t = 1 shares");
  }

  @Test
  void anApprovedRotationIsPublishedOnceSignedAndAfterTheTimelock() throws Exception {
    String joiner = TestConsole.newIdentityKeyHex();
    String admin2 = secondAdmin();
    JsonNode p =
        JSON.readTree(
            call(
                    "POST",
                    "/api/proposals",
                    TestConsole.BOOTSTRAP_TOKEN,
                    "{\"kind\":\"ADD_MEMBER\",\"operatorId\":\"op-3\",\"identityPublicKey\":\""
                        + joiner
                        + "\"}")
                .body());
    long id = p.path("id").asLong();
    assertThat(p.path("summary").asText()).contains("epoch 1 with 3-of-3");
    JsonNode approved =
        JSON.readTree(call("POST", "/api/proposals/" + id + "/approve", admin2, null).body());
    assertThat(approved.path("state").asText()).isEqualTo("APPROVED");

    // During the timelock nothing goes out.
    await()
        .during(Duration.ofSeconds(2))
        .atMost(Duration.ofSeconds(3))
        .until(() -> poll().isEmpty());

    await().atMost(Duration.ofSeconds(30)).until(() -> poll().size() == 1);
    GovernanceRecord record = GovernanceRecord.decode(seen.get(0).value()).orThrow();
    assertThat(record.authenticate(publisher.governanceKey()).isOk()).isTrue();
    assertThat(record.governance().proposalId()).isEqualTo(id);
    assertThat(record.governance().sequence()).isEqualTo(1);
    assertThat(seen.get(0).key()).isEqualTo(record.kafkaKey());
    Rotation rotation = (Rotation) record.governance().action();
    assertThat(rotation.epoch()).isEqualTo(1);
    assertThat(rotation.threshold()).isEqualTo(3);
    assertThat(rotation.members()).hasSize(3);
    assertThat(rotation.members().get(2).operatorId()).isEqualTo("op-3");
    assertThat(rotation.members().get(2).identityKey())
        .isEqualTo(new IdentityPublicKey(Hex.decode(joiner)));
    assertThat(roster.planned().orElseThrow().epoch()).isEqualTo(1);
    JsonNode published = JSON.readTree(call("GET", "/api/proposals/" + id, admin2, null).body());
    assertThat(published.path("state").asText()).isEqualTo("PUBLISHED");
    assertThat(published.path("governanceSequence").asLong()).isEqualTo(1);

    // While the rotation runs, no other member change can be proposed.
    HttpResponse<String> another =
        call(
            "POST",
            "/api/proposals",
            TestConsole.BOOTSTRAP_TOKEN,
            "{\"kind\":\"CHANGE_THRESHOLD\",\"threshold\":2}");
    assertThat(another.statusCode()).isEqualTo(409);

    // A crash after committing the record but before Kafka's acknowledgement: sent again, same
    // bytes, same sequence (consumers act on each sequence once).
    try (Connection c = TestConsole.asOwner(DB)) {
      c.createStatement().execute("UPDATE admin.governance_log SET sent_at = NULL");
    }
    await().atMost(Duration.ofSeconds(30)).until(() -> poll().size() == 2);
    assertThat(seen.get(1).value()).isEqualTo(seen.get(0).value());
    JsonNode governance = JSON.readTree(call("GET", "/api/governance", admin2, null).body());
    assertThat(governance.path("governanceKey").asText())
        .isEqualTo(Hex.encode(publisher.governanceKey().compressed()));
    assertThat(governance.path("records").get(0).path("sentAt").isNull()).isFalse();
  }
}
