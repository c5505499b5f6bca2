package org.fedbridge.validator.dkg;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.fedbridge.core.bls.PublicKey;
import org.fedbridge.core.dkg.DkgCodec;
import org.fedbridge.core.dkg.DkgMember;
import org.fedbridge.core.dkg.DkgMessage;
import org.fedbridge.core.keystore.ShareKeystore;
import org.fedbridge.core.types.Address;
import org.fedbridge.service.KafkaTopics;
import org.fedbridge.service.TopicSpec;
import org.fedbridge.testsupport.TestKafka;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/**
 * Members running the DKG over the real Kafka broker, each with its own real PostgreSQL schema and
 * key directory, exactly as the {@code dkg} command and the service run it.
 */
class DkgOverKafkaTest {
  static final Path ROOT = Path.of("target", "dkg-over-kafka").toAbsolutePath();
  static final ExecutorService POOL = Executors.newCachedThreadPool();
  static int topics;

  @AfterAll
  static void stop() {
    POOL.shutdownNow();
  }

  static String freshTopic() {
    String name = "dkg-test-" + System.nanoTime() + "-" + (++topics);
    try (Admin admin =
        Admin.create(Map.of("bootstrap.servers", TestKafka.shared().bootstrapServers()))) {
      KafkaTopics.ensure(admin, List.of(new TopicSpec(name, 1, false)));
    }
    return name;
  }

  static List<DkgTestMember> members(String test, int n) {
    List<DkgTestMember> ms = new ArrayList<>();
    for (int i = 1; i <= n; i++) {
      ms.add(
          new DkgTestMember("op-" + i, test + "_m" + i, ROOT.resolve(test).resolve("member-" + i)));
    }
    return ms;
  }

  static FederationSpec spec(List<DkgTestMember> ms, int t, long epoch) {
    List<DkgMember> dm = new ArrayList<>();
    for (int i = 0; i < ms.size(); i++) {
      dm.add(new DkgMember(i + 1, ms.get(i).operatorId, ms.get(i).identity.publicKey()));
    }
    return FederationSpec.parse(FederationSpec.write(31337, Address.ZERO, 1337, epoch, 0, t, dm))
        .orThrow();
  }

  static List<DkgOutcome> runAll(List<DkgService> services, FederationSpec spec) throws Exception {
    List<Future<DkgOutcome>> futures = new ArrayList<>();
    for (DkgService s : services) {
      futures.add(POOL.submit(() -> s.run(spec)));
    }
    List<DkgOutcome> out = new ArrayList<>();
    for (Future<DkgOutcome> f : futures) {
      out.add(f.get(3, TimeUnit.MINUTES));
    }
    return out;
  }

  static PublicKey oneGroupKey(List<DkgOutcome> outcomes) {
    Set<PublicKey> keys =
        outcomes.stream()
            .map(o -> ((DkgOutcome.Confirmed) o).federation().groupKey())
            .collect(Collectors.toSet());
    assertThat(keys).hasSize(1);
    return keys.iterator().next();
  }

  @Test
  void fourMembersOverKafkaReachOneGroupKeyAndAVerifiableTranscript() throws Exception {
    List<DkgTestMember> ms = members("four", 4);
    FederationSpec spec = spec(ms, 3, 0);
    String topic = freshTopic();
    long start = System.nanoTime();
    List<DkgOutcome> outcomes =
        runAll(
            ms.stream()
                .map(
                    m ->
                        m.start(
                            topic,
                            DkgTestMember.settings(Duration.ofSeconds(30), Duration.ofMinutes(3))))
                .toList(),
            spec);
    long millis = (System.nanoTime() - start) / 1_000_000;
    System.out.printf("DKG n=4 t=3 over Kafka: %d ms%n", millis);
    assertThat(outcomes).allSatisfy(o -> assertThat(o).isInstanceOf(DkgOutcome.Confirmed.class));
    PublicKey key = oneGroupKey(outcomes);
    for (int i = 0; i < 4; i++) {
      DkgOutcome.Confirmed c = (DkgOutcome.Confirmed) outcomes.get(i);
      assertThat(c.withShare()).isTrue();
      assertThat(c.federation().myIndex()).hasValue(i + 1);
      try (ShareKeystore share = ms.get(i).keys().share(0).orElseThrow().orThrow()) {
        assertThat(share.groupKey()).isEqualTo(key);
        assertThat(share.share().publicKey())
            .isEqualTo(c.federation().members().get(i).sharePublicKey());
      }
      // The confirmed federation is in the member's database.
      assertThat(ms.get(i).service.federation(0).orElseThrow().groupKey()).isEqualTo(key);
    }
    // Everyone stored the same transcript; it verifies offline, and a tampered copy does not.
    DkgOutcome.Confirmed first = (DkgOutcome.Confirmed) outcomes.get(0);
    TranscriptFile file = new TranscriptFile(spec, first.sessionId(), first.transcript());
    assertThat(TranscriptVerifier.verify(file).ok()).isTrue();
    Path exported = ROOT.resolve("four").resolve("transcript.json");
    Files.writeString(
        exported, ms.get(1).service.transcript(first.sessionId(), spec).orElseThrow());
    TranscriptVerifier.Report fromDb =
        TranscriptVerifier.verify(TranscriptFile.read(exported).orThrow());
    assertThat(fromDb.ok()).as(String.join("\n", fromDb.lines())).isTrue();
    List<byte[]> tampered = new ArrayList<>(first.transcript());
    tampered.remove(tampered.size() - 1); // drop a confirmation: t are no longer there
    assertThat(
            TranscriptVerifier.verify(new TranscriptFile(spec, first.sessionId(), tampered)).ok())
        .isFalse();
    byte[] flipped = first.transcript().get(0).clone();
    flipped[100] ^= 1;
    tampered = new ArrayList<>(first.transcript());
    tampered.set(0, flipped);
    assertThat(
            TranscriptVerifier.verify(new TranscriptFile(spec, first.sessionId(), tampered)).ok())
        .isFalse();
    // Running again for a confirmed session changes nothing and answers at once.
    DkgOutcome again =
        ms.get(2)
            .start(topic, DkgTestMember.settings(Duration.ofSeconds(30), Duration.ofMinutes(1)))
            .run(spec);
    assertThat(((DkgOutcome.Confirmed) again).federation().groupKey()).isEqualTo(key);
  }

  @Test
  void aDealerSendingABadShareIsDisqualifiedThroughComplaintsAndTheRestFinish() throws Exception {
    List<DkgTestMember> ms = members("badshare", 4);
    FederationSpec spec = spec(ms, 3, 0);
    String topic = freshTopic();
    // Member 4 is byzantine: its deal gives member 1 a share off its commitments, then it falls
    // silent (no justification, no votes): the others' time-outs close rounds 2 and 3.
    ByzantineDealer.publishBadDeal(ms.get(3), spec, topic, 1);
    List<DkgService> honest =
        ms.subList(0, 3).stream()
            .map(
                m ->
                    m.start(
                        topic,
                        DkgTestMember.settings(Duration.ofSeconds(2), Duration.ofMinutes(3))))
            .toList();
    List<DkgOutcome> outcomes = runAll(honest, spec);
    assertThat(outcomes).allSatisfy(o -> assertThat(o).isInstanceOf(DkgOutcome.Confirmed.class));
    oneGroupKey(outcomes);
    DkgOutcome.Confirmed c = (DkgOutcome.Confirmed) outcomes.get(0);
    TranscriptVerifier.Report report =
        TranscriptVerifier.verify(new TranscriptFile(spec, c.sessionId(), c.transcript()));
    assertThat(report.ok()).isTrue();
    assertThat(report.lines()).contains("qualified dealers [1, 2, 3]");
    List<DkgMessage> complaints =
        c.transcript().stream()
            .map(r -> DkgCodec.decode(spec.config(), r).orThrow())
            .filter(m -> m instanceof DkgMessage.Complaint)
            .toList();
    assertThat(complaints)
        .singleElement()
        .satisfies(
            m -> {
              assertThat(m.sender()).isEqualTo(1);
              assertThat(((DkgMessage.Complaint) m).dealer()).isEqualTo(4);
            });
    assertThat(outcomes)
        .allSatisfy(o -> assertThat(((DkgOutcome.Confirmed) o).withShare()).isTrue());
  }
}
