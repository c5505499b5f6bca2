package org.fedbridge.validator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.fedbridge.core.message.MessageType;
import org.fedbridge.core.types.UInt256;
import org.fedbridge.testsupport.TestKafka;
import org.fedbridge.testsupport.TestPostgres;
import org.fedbridge.validator.consensus.PartialPublisher;
import org.fedbridge.validator.federation.Federations;
import org.fedbridge.validator.keys.Signer;
import org.fedbridge.validator.testing.L1Chain;
import org.fedbridge.validator.testing.RecordingPublisher;
import org.fedbridge.validator.testing.SidechainReplica;
import org.fedbridge.validator.testing.TestFederation;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The whole service with the watch, batch and signing features wired by Spring against a real anvil
 * (vault deployed), a real sidechain replica, PostgreSQL and Kafka. The key signer, federation and
 * publisher of the other features are stood in for by test beans. What an operator sees: metrics,
 * readiness, the signing admin endpoints.
 */
@SpringBootTest(
    classes = {ValidatorApplication.class, SigningApplicationTest.Beans.class},
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SigningApplicationTest {
  private static final TestFederation FEDERATION = TestFederation.create(31, 3, 4);
  private static L1Chain l1;
  private static String database;

  @LocalServerPort int port;
  @Autowired RecordingPublisher publisher;

  static synchronized L1Chain l1() {
    if (l1 == null) {
      try {
        l1 = new L1Chain(FEDERATION, List.of(L1Chain.generousEth()));
      } catch (Exception e) {
        throw new IllegalStateException(e);
      }
    }
    return l1;
  }

  static synchronized String database() {
    if (database == null) {
      database = TestPostgres.shared().createDatabase("validator_app_signing");
    }
    return database;
  }

  @DynamicPropertySource
  static void settings(DynamicPropertyRegistry r) throws Exception {
    SidechainReplica replica = SidechainReplica.shared();
    long sidechainStart = replica.head() + 1;
    r.add("spring.datasource.url", SigningApplicationTest::database);
    r.add("spring.datasource.username", () -> TestPostgres.shared().username());
    r.add("spring.datasource.password", () -> TestPostgres.shared().password());
    r.add("bridge.validator.kafka.bootstrap-servers", () -> TestKafka.shared().bootstrapServers());
    r.add("bridge.validator.operator-id", () -> "op-2");
    r.add("bridge.validator.l1.rpc-url", () -> l1().anvil.rpcUrl());
    r.add("bridge.validator.l1.chain-id", () -> l1().anvil.chainId());
    r.add("bridge.validator.l1.vault", () -> l1().vaultAddress);
    r.add("bridge.validator.l1.start-block", () -> l1().deploymentBlock);
    r.add("bridge.validator.l1.finality", () -> "finalized");
    r.add("bridge.validator.l1.poll-interval", () -> "100ms");
    r.add("bridge.validator.sidechain.rpc-url", replica::url);
    r.add("bridge.validator.sidechain.chain-id", () -> SidechainReplica.CHAIN_ID);
    r.add("bridge.validator.sidechain.start-block", () -> sidechainStart);
    r.add("bridge.validator.signing.interval", () -> "200ms");
    // The real key directory must exist (the service does not start without its identity key);
    // the Signer and Federations below stand in for the ones built from it.
    java.nio.file.Path keys =
        java.nio.file.Path.of("target", "signing-application-test-keys").toAbsolutePath();
    if (!keys.resolve("identity.json").toFile().exists()) {
      org.fedbridge.validator.keys.TestKeys.identity(keys, "op-2");
    }
    org.fedbridge.validator.keys.TestKeys.settings(keys).forEach((k, v) -> r.add(k, () -> v));
  }

  @AfterAll
  static void stopL1() {
    if (l1 != null) {
      l1.close();
    }
  }

  /** Stand-ins for the keys, federation and consensus features (member 2 of 3-of-4). */
  @TestConfiguration
  static class Beans {
    /** Also the {@link PartialPublisher} the signing loop hands partials to. */
    @Bean
    @Primary
    RecordingPublisher recordingPublisher() {
      return new RecordingPublisher();
    }

    @Bean
    @Primary
    Federations federations() {
      return TestFederation.federations(FEDERATION.epoch(l1().domain(), 2));
    }

    @Bean
    @Primary
    Signer signer() {
      return FEDERATION.signer(2, 0);
    }
  }

  private HttpResponse<String> http(String method, String path, String body) throws Exception {
    HttpRequest.Builder b =
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
            .header("Content-Type", "application/json");
    b.method(
        method,
        body == null
            ? HttpRequest.BodyPublishers.noBody()
            : HttpRequest.BodyPublishers.ofString(body));
    return HttpClient.newHttpClient().send(b.build(), HttpResponse.BodyHandlers.ofString());
  }

  private String prometheus() throws Exception {
    return http("GET", "/actuator/prometheus", null).body();
  }

  @Test
  @Order(1)
  void aSafeDepositIsSignedAndHandedToThePublisherWithMetricsAndReadiness() throws Exception {
    long block = l1().depositEth(L1Chain.ether(1)).getBlockNumber().longValueExact();
    l1().finalizeBlock(block);

    await()
        .atMost(Duration.ofSeconds(60))
        .until(() -> publisher.has(MessageType.DEPOSIT_BATCH, UInt256.of(block)));

    String metrics = prometheus();
    assertThat(metrics)
        .contains("fedbridge_validator_batches_signed_total{type=\"deposit_batch\"} 1.0")
        .contains("fedbridge_validator_chain_head{chain=\"l1\"}")
        .contains("fedbridge_validator_chain_head{chain=\"sidechain\"}")
        .contains("fedbridge_validator_chain_safe_head{chain=\"l1\"}")
        .contains("fedbridge_validator_chain_cursor{chain=\"l1\"}")
        .contains("fedbridge_validator_chain_lag_blocks{chain=\"sidechain\"}")
        .contains("fedbridge_validator_signing_latency_seconds_bucket")
        .contains("fedbridge_validator_signing_latency_seconds_count 1")
        .contains("fedbridge_validator_limit_held_batches 0.0")
        .contains("fedbridge_validator_reorgs_total{chain=\"l1\"}")
        .contains("fedbridge_validator_signing_halted 0.0");
    HttpResponse<String> readiness = http("GET", "/actuator/health/readiness", null);
    assertThat(readiness.statusCode()).isEqualTo(200);
    assertThat(readiness.body()).contains("\"signing\"").contains("\"halted\":false");
  }

  @Test
  @Order(2)
  void protectionExportsAndRefusesAConflictingImport() throws Exception {
    HttpResponse<String> export = http("GET", "/api/signing-protection", null);
    assertThat(export.statusCode()).isEqualTo(200);
    assertThat(export.body())
        .contains("\"operator_id\" : \"op-2\"")
        .contains("\"message_type\" : \"DEPOSIT_BATCH\"")
        .contains("\"partial_signature\"");

    String conflicting =
        export
            .body()
            .replaceFirst(
                "\"digest\" : \"0x[0-9a-f]{64}\"", "\"digest\" : \"0x" + "ab".repeat(32) + "\"");
    HttpResponse<String> refused = http("POST", "/api/signing-protection", conflicting);
    assertThat(refused.statusCode()).isEqualTo(409);
    assertThat(refused.headers().firstValue("Content-Type")).contains("application/problem+json");
    assertThat(refused.body()).contains("CONFLICTING_RECORDS");

    HttpResponse<String> garbage = http("POST", "/api/signing-protection", "{\"metadata\":");
    assertThat(garbage.statusCode()).isEqualTo(400);
    assertThat(garbage.body()).contains("MALFORMED_INTERCHANGE");

    HttpResponse<String> same = http("POST", "/api/signing-protection", export.body());
    assertThat(same.statusCode()).isEqualTo(200);
    assertThat(same.body()).contains("\"added\":0");
    assertThat(http("GET", "/api/signing-protection", null).body()).isEqualTo(export.body());
  }

  @Test
  @Order(3)
  void aReorgBelowTheSafeHeadTakesReadinessDownWithTheReason() throws Exception {
    long signed = publisher.batchIds(MessageType.DEPOSIT_BATCH).get(0);
    l1().reorg((int) (l1().head() - signed + 1));
    l1().mine(8);

    await()
        .atMost(Duration.ofSeconds(60))
        .until(() -> http("GET", "/actuator/health/readiness", null).statusCode() == 503);
    String readiness = http("GET", "/actuator/health/readiness", null).body();
    assertThat(readiness).contains("\"signing\"").contains("reorg below the safe head");
    assertThat(prometheus()).contains("fedbridge_validator_signing_halted 1.0");
    assertThat(http("GET", "/api/signing", null).body())
        .contains("\"halted\":true")
        .contains("\"source\":\"l1\"");
    assertThat(Optional.of(publisher.published().size())).contains(1);
  }
}
