package org.fedbridge.validator.dkg;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.fedbridge.core.dkg.DkgCodec;
import org.fedbridge.core.dkg.DkgMessage;
import org.fedbridge.core.types.Hex;
import org.fedbridge.testsupport.JavaProcess;
import org.fedbridge.testsupport.TestKafka;
import org.fedbridge.testsupport.TestPostgres;
import org.fedbridge.validator.ValidatorApplication;
import org.fedbridge.validator.keys.TestKeys;
import org.junit.jupiter.api.Test;

/**
 * {@code java -jar bridge-validator.jar dkg ...} as an operator runs it: a child JVM with the
 * service's settings, killed with SIGKILL in the middle of its DKG and started again, next to three
 * members running in this JVM; then {@code dkg verify} on the transcript it wrote.
 */
class DkgCommandTest {
  static final Path ROOT = Path.of("target", "dkg-command").toAbsolutePath();
  static final ObjectMapper JSON = new ObjectMapper();
  static final java.util.concurrent.ExecutorService POOL =
      java.util.concurrent.Executors.newCachedThreadPool();

  @org.junit.jupiter.api.AfterAll
  static void stop() {
    POOL.shutdownNow();
  }

  static List<String> command(String... args) {
    List<String> c = new ArrayList<>();
    c.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    c.add("-Xmx256m");
    c.add("-Djava.io.tmpdir=" + System.getProperty("java.io.tmpdir"));
    c.add("-cp");
    c.add(System.getProperty("java.class.path"));
    c.add(ValidatorApplication.class.getName());
    c.addAll(List.of(args));
    return c;
  }

  static List<String> dkgArgs(Path spec, Path keys, String schema, String topic, Path out) {
    TestPostgres pg = TestPostgres.shared();
    List<String> a = new ArrayList<>(List.of("dkg", "--spec", spec.toString()));
    a.add("--transcript-out=" + out.resolve("transcript.json"));
    a.add("--result-out=" + out.resolve("result.json"));
    a.add("--spring.datasource.url=" + pg.jdbcUrl());
    a.add("--spring.datasource.username=" + pg.username());
    a.add("--spring.datasource.password=" + pg.password());
    a.add("--spring.flyway.schemas=" + schema);
    a.add("--spring.flyway.default-schema=" + schema);
    a.add("--spring.jpa.properties.hibernate.default_schema=" + schema);
    a.add("--spring.datasource.hikari.schema=" + schema);
    a.add("--bridge.validator.kafka.bootstrap-servers=" + TestKafka.shared().bootstrapServers());
    a.add("--bridge.validator.topics.dkg=" + topic);
    a.add("--bridge.validator.dkg.round-timeout=60s");
    TestKeys.settings(keys).forEach((k, v) -> a.add("--" + k + "=" + v));
    return a;
  }

  @Test
  void aMemberKilledMidRunRestartsAndTheFederationAgreesThenItsTranscriptVerifies()
      throws Exception {
    org.springframework.util.FileSystemUtils.deleteRecursively(ROOT);
    Files.createDirectories(ROOT);
    List<DkgTestMember> ms = DkgOverKafkaTest.members("command", 4);
    // Member 1 runs as the command, in its own schema and key directory.
    FederationSpec spec = DkgOverKafkaTest.spec(ms, 3, 0);
    Path specFile = ROOT.resolve("federation.json");
    Files.writeString(specFile, spec.json());
    String topic = DkgOverKafkaTest.freshTopic();
    Path log1 = ROOT.resolve("member-1-first.log");
    List<String> args = dkgArgs(specFile, ms.get(0).keysDir, "command_cli1", topic, ROOT);
    Process first =
        new ProcessBuilder(command(args.toArray(String[]::new)))
            .redirectErrorStream(true)
            .redirectOutput(log1.toFile())
            .start();
    try {
      // SIGKILL as soon as its deal is on the topic (the others have not started).
      await("member 1's deal on the topic")
          .atMost(Duration.ofMinutes(2))
          .pollInterval(Duration.ofMillis(200))
          .until(
              () ->
                  !first.isAlive()
                      || ByzantineDealer.read(spec, topic).stream()
                          .anyMatch(r -> r[0] == 1 && r[36] == 1));
      assertThat(first.isAlive()).as(Files.readString(log1)).isTrue();
    } finally {
      first.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
    }
    // The three others start, and member 1 is started again.
    List<Future<DkgOutcome>> others = new ArrayList<>();
    for (DkgTestMember m : ms.subList(1, 4)) {
      DkgService s =
          m.start(topic, DkgTestMember.settings(Duration.ofSeconds(60), Duration.ofMinutes(3)));
      others.add(POOL.submit(() -> s.run(spec)));
    }
    JavaProcess.Result second =
        JavaProcess.run(
            ValidatorApplication.class,
            Duration.ofMinutes(3),
            args.subList(0, args.size()).toArray(String[]::new));
    assertThat(second.exitCode()).as(second.stdout() + second.stderr()).isZero();
    List<DkgOutcome> outcomes = new ArrayList<>();
    for (Future<DkgOutcome> f : others) {
      outcomes.add(f.get(3, TimeUnit.MINUTES));
    }
    String groupKey =
        Hex.encode(((DkgOutcome.Confirmed) outcomes.get(0)).federation().groupKey().toCompressed());
    assertThat(second.stdout()).contains("group key: " + groupKey);
    assertThat(second.stdout()).contains("this member: index 1, share keystore written");
    JsonNode result = JSON.readTree(ROOT.resolve("result.json").toFile());
    assertThat(result.get("groupPublicKey").asText()).isEqualTo(groupKey);
    assertThat(result.get("members")).hasSize(4);
    assertThat(TestKeys.open(ms.get(0).keysDir).share(0).orElseThrow().orThrow().groupKey())
        .isEqualTo(((DkgOutcome.Confirmed) outcomes.get(0)).federation().groupKey());
    // It never dealt twice: every deal of member 1 on the topic is the same record.
    assertThat(
            ByzantineDealer.read(spec, topic).stream()
                .map(r -> DkgCodec.decode(spec.config(), r))
                .filter(
                    r -> r.isOk() && r.orThrow() instanceof DkgMessage.Deal d && d.dealer() == 1)
                .map(r -> r.orThrow().signingHash())
                .distinct())
        .hasSize(1);

    // Anyone re-evaluates the transcript it wrote; a tampered one is refused.
    Path transcript = ROOT.resolve("transcript.json");
    JavaProcess.Result ok =
        JavaProcess.run(
            ValidatorApplication.class,
            Duration.ofMinutes(1),
            "dkg",
            "verify",
            transcript.toString());
    assertThat(ok.exitCode()).as(ok.stdout() + ok.stderr()).isZero();
    assertThat(ok.stdout()).contains("group key " + groupKey).contains("OK:");
    JsonNode t = JSON.readTree(transcript.toFile());
    ((com.fasterxml.jackson.databind.node.ObjectNode) t.get("spec")).put("threshold", 4);
    Path tampered = ROOT.resolve("tampered.json");
    Files.writeString(tampered, t.toString());
    JavaProcess.Result bad =
        JavaProcess.run(
            ValidatorApplication.class,
            Duration.ofMinutes(1),
            "dkg",
            "verify",
            tampered.toString());
    assertThat(bad.exitCode()).isEqualTo(1);
    assertThat(bad.stdout()).contains("FAIL");
  }

  @Test
  void badSpecOrMissingSettingsAreOneLineAndExitOne() throws Exception {
    Files.createDirectories(ROOT);
    Path spec = ROOT.resolve("bad-spec.json");
    Files.writeString(spec, "{\"version\": 1, \"threshold\": 2, \"members\": []}");
    JavaProcess.Result r =
        JavaProcess.run(
            ValidatorApplication.class, Duration.ofMinutes(1), "dkg", "--spec", spec.toString());
    assertThat(r.exitCode()).isEqualTo(1);
    assertThat(r.lastErrorLine()).startsWith("dkg: federation spec:");
    JavaProcess.Result none =
        JavaProcess.run(ValidatorApplication.class, Duration.ofMinutes(1), "dkg");
    assertThat(none.exitCode()).isEqualTo(1);
    assertThat(none.lastErrorLine()).contains("--spec");
    // A good spec but no database setting: the service's one-line start-up failure.
    List<DkgTestMember> ms = DkgOverKafkaTest.members("command_bad", 4);
    Path good = ROOT.resolve("good-spec.json");
    Files.writeString(good, DkgOverKafkaTest.spec(ms, 3, 0).json());
    JavaProcess.Result noDb =
        JavaProcess.run(
            ValidatorApplication.class, Duration.ofMinutes(1), "dkg", "--spec", good.toString());
    assertThat(noDb.exitCode()).isEqualTo(1);
    assertThat(noDb.lastErrorLine())
        .startsWith("bridge-validator dkg: failed to start:")
        .contains("bridge.validator.kafka");
  }
}
