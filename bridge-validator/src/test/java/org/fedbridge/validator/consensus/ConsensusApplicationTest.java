package org.fedbridge.validator.consensus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.fedbridge.core.bls.Bls;
import org.fedbridge.core.bls.Signature;
import org.fedbridge.core.message.Deposit;
import org.fedbridge.core.message.DepositBatch;
import org.fedbridge.core.message.EpochChange;
import org.fedbridge.core.threshold.PartialSignature;
import org.fedbridge.core.threshold.ThresholdSigner;
import org.fedbridge.core.threshold.ThresholdVerifier;
import org.fedbridge.core.types.Address;
import org.fedbridge.core.types.Hex;
import org.fedbridge.core.types.UInt256;
import org.fedbridge.core.wire.CertificateBody;
import org.fedbridge.core.wire.CertificateRecord;
import org.fedbridge.core.wire.HeartbeatRecord;
import org.fedbridge.testsupport.RealInfrastructure;
import org.fedbridge.testsupport.TestKafka;
import org.fedbridge.validator.batch.Batches;
import org.fedbridge.validator.batch.ObservedBatch;
import org.fedbridge.validator.federation.Federations;
import org.fedbridge.validator.keys.IdentitySigner;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.core.env.Environment;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The whole service as the lead will deploy it, against real PostgreSQL and Kafka, with the faces
 * of the features built in parallel (federation, batches, identity key) given by the test: partials
 * from the topic become a certificate, readable through the REST API, submitted to the sidechain's
 * JSON-RPC (here a recording endpoint that answers 503 twice before it accepts), heartbeats signed
 * on their topic, metrics on Prometheus, and bad REST input answered with problem details.
 */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    args = {
      "--bridge.validator.operator-id=op-1",
      "--bridge.validator.l1.rpc-url=http://127.0.0.1:1",
      "--bridge.validator.l1.chain-id=31337",
      "--bridge.validator.l1.vault=0x5FbDB2315678afecb367f032d93F642f64180aa3",
      "--bridge.validator.sidechain.chain-id=1337",
      "--bridge.validator.heartbeat.interval=200ms",
      "--bridge.validator.submit.min-backoff=50ms"
    })
class ConsensusApplicationTest {
  private static final TestFederation FED = new TestFederation(0, 4, "op-", new SecureRandom());
  private static final ObservedBatch.Deposits BATCH = TestBatches.deposits(7_000, 3);
  private static final String SUFFIX = UUID.randomUUID().toString().substring(0, 8);
  private static final String PARTIALS = "app-partials-" + SUFFIX;
  private static final String CERTIFICATES = "app-certificates-" + SUFFIX;
  private static final String HEARTBEATS = "app-heartbeats-" + SUFFIX;
  private static final List<String> SUBMITTED = new CopyOnWriteArrayList<>();
  private static final AtomicInteger REQUESTS = new AtomicInteger();
  private static final HttpServer SIDECHAIN = sidechain();

  @Autowired private Environment environment;
  @Autowired private PartialPublisher publisher;

  @DynamicPropertySource
  static void infrastructure(DynamicPropertyRegistry registry) {
    RealInfrastructure.register(registry, "bridge.validator.kafka.bootstrap-servers");
    // The service needs its identity keystore to start; consensus uses the test's stand-ins.
    java.nio.file.Path keys =
        java.nio.file.Path.of("target", "consensus-application-test-keys").toAbsolutePath();
    if (!keys.resolve("identity.json").toFile().exists()) {
      org.fedbridge.validator.keys.TestKeys.identity(keys, "op-1");
    }
    org.fedbridge.validator.keys.TestKeys.settings(keys)
        .forEach((k, v) -> registry.add(k, () -> v));
    registry.add("bridge.validator.topics.partials", () -> PARTIALS);
    registry.add("bridge.validator.topics.certificates", () -> CERTIFICATES);
    registry.add("bridge.validator.topics.heartbeats", () -> HEARTBEATS);
    registry.add(
        "bridge.validator.sidechain.rpc-url",
        () -> "http://127.0.0.1:" + SIDECHAIN.getAddress().getPort() + "/");
  }

  @TestConfiguration
  static class OtherFeatures {
    @Bean
    @Primary
    Federations testFederations() {
      return TestFederation.federations(FED, 1);
    }

    @Bean
    @Primary
    Batches testBatches() {
      return new TestBatches().observe(BATCH);
    }

    @Bean
    @Primary
    IdentitySigner testIdentitySigner() {
      return FED.signer(1);
    }
  }

  /**
   * A JSON-RPC endpoint that records deposit-certificate submissions, unavailable for the first
   * two; anything else (the sidechain watcher's polling) gets an error.
   */
  private static HttpServer sidechain() {
    try {
      HttpServer s = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
      s.createContext(
          "/",
          exchange -> {
            String body =
                new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            if (!body.contains("bridge_submitDepositCertificate")) {
              // The sidechain watcher polls the same node: it has nothing to offer it here.
              byte[] none =
                  ("{\"jsonrpc\":\"2.0\",\"id\":1,"
                          + "\"error\":{\"code\":-32601,\"message\":\"not here\"}}")
                      .getBytes(StandardCharsets.UTF_8);
              exchange.sendResponseHeaders(200, none.length);
              exchange.getResponseBody().write(none);
              exchange.close();
              return;
            }
            int n = REQUESTS.incrementAndGet();
            byte[] answer =
                "{\"jsonrpc\":\"2.0\",\"id\":1,\"result\":{\"hash\":\"0x01\",\"duplicate\":false}}"
                    .getBytes(StandardCharsets.UTF_8);
            if (n <= 2) {
              exchange.sendResponseHeaders(503, -1);
            } else {
              SUBMITTED.add(body);
              exchange.sendResponseHeaders(200, answer.length);
              exchange.getResponseBody().write(answer);
            }
            exchange.close();
          });
      s.start();
      return s;
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  @AfterAll
  static void stopSidechain() {
    SIDECHAIN.stop(0);
  }

  private HttpResponse<String> get(String path) throws Exception {
    URI uri = URI.create("http://127.0.0.1:" + environment.getProperty("local.server.port") + path);
    return HttpClient.newHttpClient()
        .send(HttpRequest.newBuilder(uri).build(), HttpResponse.BodyHandlers.ofString());
  }

  @Test
  void partialsBecomeACertificateServedByTheApiSubmittedToTheSidechainAndHeartbeatsAreSigned()
      throws Exception {
    try (KafkaProducer<byte[], byte[]> members =
        new KafkaProducer<>(
            Map.of("bootstrap.servers", TestKafka.shared().bootstrapServers()),
            new ByteArraySerializer(),
            new ByteArraySerializer())) {
      publisher.publish(FED.partial(1, BATCH)); // this member, through the service's own bean
      for (int i = 2; i <= 3; i++) {
        var p = FED.partial(i, BATCH);
        members.send(
            new ProducerRecord<>(
                PARTIALS, p.digest().bytes(), PartialWire.encode(p, FED.signer(i))));
      }
    }
    String path = "/api/v1/certificates/deposit/" + BATCH.batchId().value();
    await().atMost(Duration.ofSeconds(60)).until(() -> get(path).statusCode() == 200);
    JsonNode cert = JsonMapper.builder().build().readTree(get(path).body());
    assertThat(cert.get("type").asString()).isEqualTo("deposit");
    assertThat(cert.get("epoch").asLong()).isZero();
    assertThat(cert.get("deposits")).hasSize(3);
    Signature sig =
        Signature.fromCompressed(Hex.decode(cert.get("signature").asString())).orThrow();
    assertThat(Bls.verify(FED.verifier.groupKey(), BATCH.message().digest(FED.domain), sig))
        .isTrue();
    assertThat(get("/api/v1/certificates/deposit").body())
        .contains(BATCH.batchId().value().toString());

    // Submitted to the sidechain, retried through two 503s, with what the sidechain needs to mint.
    await().atMost(Duration.ofSeconds(60)).until(() -> !SUBMITTED.isEmpty());
    assertThat(REQUESTS.get()).isGreaterThanOrEqualTo(3);
    JsonNode submitted = JsonMapper.builder().build().readTree(SUBMITTED.get(0));
    assertThat(submitted.get("method").asString()).isEqualTo("bridge_submitDepositCertificate");
    JsonNode c = submitted.get("params").get(0);
    List<Deposit> deposits = new ArrayList<>();
    for (JsonNode d : c.get("deposits")) {
      deposits.add(
          new Deposit(
              UInt256.parse(d.get("nonce").asString()),
              Address.fromHex(d.get("token").asString()),
              Address.fromHex(d.get("sender").asString()),
              Address.fromHex(d.get("recipient").asString()),
              UInt256.parse(d.get("amount").asString())));
    }
    var digest =
        DepositBatch.of(UInt256.parse(c.get("batchId").asString()), deposits).digest(FED.domain);
    Signature submittedSig =
        Signature.fromCompressed(Hex.decode(c.get("signature").asString())).orThrow();
    assertThat(Bls.verify(FED.verifier.groupKey(), digest, submittedSig)).isTrue();

    // Heartbeats: signed by this member's identity key, saying who it is and what it signed.
    HeartbeatRecord beat = lastHeartbeat();
    assertThat(beat.authenticate().isOk()).isTrue();
    assertThat(beat.heartbeat().identityKey()).isEqualTo(FED.identity(1).publicKey());
    assertThat(beat.heartbeat().operatorId()).isEqualTo("op-1");
    assertThat(beat.heartbeat().memberIndex()).isEqualTo(1);
    assertThat(beat.heartbeat().lastSigned()).isPresent();
    assertThat(beat.heartbeat().lastSigned().get().batchId()).isEqualTo(BATCH.batchId());

    String status = get("/api/v1/status").body();
    assertThat(status).contains("\"operatorId\":\"op-1\"").contains("\"memberIndex\":1");
    String metrics = get("/actuator/prometheus").body();
    assertThat(metrics)
        .contains("fedbridge_validator_partials_received_total{member=\"op-2\"")
        .contains("fedbridge_validator_certificate_latency_seconds_bucket")
        .contains("fedbridge_validator_certificates_combined_total{type=\"deposit_batch\"");
    assertThat(get("/actuator/health/readiness").body()).contains("\"consensus\"");
  }

  @Test
  void anEpochChangeCertificateFromTheTopicIsVerifiedAndServed() throws Exception {
    TestFederation next = new TestFederation(1, 4, "next-op-", new SecureRandom());
    EpochChange change =
        new EpochChange(UInt256.ONE, next.verifier.groupKey(), next.verifier.members());
    var digest = change.digest(FED.domain);
    List<PartialSignature> ps = new ArrayList<>();
    for (int i = 0; i < FED.t; i++) {
      ps.add(ThresholdSigner.partialSign(FED.shares.get(i), digest));
    }
    Signature sig = ThresholdVerifier.interpolate(ps).orThrow();
    CertificateRecord record =
        new CertificateRecord(
            0, new CertificateBody.EpochChangeBody(change), sig, List.of(1, 2, 3), 2);
    try (KafkaProducer<byte[], byte[]> p =
        new KafkaProducer<>(
            Map.of("bootstrap.servers", TestKafka.shared().bootstrapServers()),
            new ByteArraySerializer(),
            new ByteArraySerializer())) {
      p.send(new ProducerRecord<>(CERTIFICATES, record.kafkaKey(), record.encode()));
    }
    String path = "/api/v1/certificates/epoch-change/1";
    await().atMost(Duration.ofSeconds(60)).until(() -> get(path).statusCode() == 200);
    JsonNode cert = JsonMapper.builder().build().readTree(get(path).body());
    assertThat(cert.get("type").asString()).isEqualTo("epoch-change");
    assertThat(cert.get("newEpoch").asString()).isEqualTo("1");
    assertThat(cert.get("threshold").asInt()).isEqualTo(next.t);
    assertThat(cert.get("members")).hasSize(4);
    assertThat(cert.get("groupPublicKey").asString())
        .isEqualTo(Hex.encode(next.verifier.groupKey().toCompressed()));
    assertThat(cert.get("combinedHere").asBoolean()).isFalse();
  }

  @Test
  void badRestInputGetsAProblemAndChangesNothing() throws Exception {
    assertProblem("/api/v1/certificates/nonsense/1", 400, "UNKNOWN_TYPE");
    assertProblem("/api/v1/certificates/deposit/12a", 400, "BAD_BATCH_ID");
    assertProblem("/api/v1/certificates/deposit/-1", 400, "BAD_BATCH_ID");
    assertProblem(
        "/api/v1/certificates/deposit/" + UInt256.MAX_VALUE.add(java.math.BigInteger.ONE),
        400,
        "BAD_BATCH_ID");
    assertProblem("/api/v1/certificates/deposit/" + "9".repeat(5000), 400, "BAD_BATCH_ID");
    assertProblem("/api/v1/certificates/withdrawal/424242", 404, "NOT_FOUND");
    assertProblem("/api/v1/certificates/deposit?limit=0", 400, "BAD_LIMIT");
    assertProblem("/api/v1/certificates/deposit?limit=abc", 400, "BAD_LIMIT");
  }

  private void assertProblem(String path, int status, String code) throws Exception {
    HttpResponse<String> r = get(path);
    assertThat(r.statusCode()).as(path).isEqualTo(status);
    assertThat(r.headers().firstValue("Content-Type"))
        .hasValueSatisfying(v -> assertThat(v).contains("problem+json"));
    assertThat(r.body()).contains("\"code\":\"" + code + "\"");
  }

  private HeartbeatRecord lastHeartbeat() {
    try (KafkaConsumer<byte[], byte[]> c =
        new KafkaConsumer<>(
            Map.of("bootstrap.servers", TestKafka.shared().bootstrapServers()),
            new ByteArrayDeserializer(),
            new ByteArrayDeserializer())) {
      TopicPartition tp = new TopicPartition(HEARTBEATS, 0);
      c.assign(List.of(tp));
      List<HeartbeatRecord> seen = new ArrayList<>();
      await()
          .atMost(Duration.ofSeconds(30))
          .until(
              () -> {
                c.seekToBeginning(List.of(tp));
                seen.clear();
                for (ConsumerRecord<byte[], byte[]> r : c.poll(Duration.ofMillis(500))) {
                  HeartbeatRecord.decode(r.value()).map(seen::add);
                }
                return seen.stream().anyMatch(h -> h.heartbeat().lastSigned().isPresent());
              });
      return seen.stream()
          .filter(h -> h.heartbeat().lastSigned().isPresent())
          .reduce((a, b) -> b)
          .orElseThrow();
    }
  }
}
