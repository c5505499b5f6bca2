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
import org.junit.jupiter.api.Test;

/**
 * Members running the DKG over the real Kafka broker, each with its own real PostgreSQL schema and
 * key directory, exactly as the {@code dkg} command and the service run it.
 */
class DkgOverKafkaTest {
  static final Path ROOT = Path.of("target", "dkg-over-kafka").toAbsolutePath();
  static final ExecutorService POOL =
      Executors.newCachedThreadPool(
          r -> {
            Thread t = new Thread(r, "dkg-member");
            t.setDaemon(true);
            return t;
          });
  static int topics;

  static String freshTopic() {
    String name = "dkg-test-" + System.nanoTime() + "-" + (++topics);
    try (Admin admin =
        Admin.create(Map.of("bootstrap.servers", TestKafka.shared().bootstrapServers()))) {
      KafkaTopics.ensure(admin, List.of(new TopicSpec(name, 1, false)));
    }
    return name;
  }

  static List<DkgTestMember> members(String test, int n) throws java.io.IOException {
    org.springframework.util.FileSystemUtils.deleteRecursively(ROOT.resolve(test));
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

  @Test
  void aMemberThatStopsMidRunResumesFromItsDatabaseAndNeverHoldsTwoShares() throws Exception {
    List<DkgTestMember> ms = members("restart", 4);
    FederationSpec spec = spec(ms, 3, 0);
    String topic = freshTopic();
    // Member 4 starts alone and its process gives up while the others are not there yet.
    DkgOutcome first =
        ms.get(3)
            .start(topic, DkgTestMember.settings(Duration.ofSeconds(30), Duration.ofSeconds(2)))
            .run(spec);
    assertThat(first).isInstanceOf(DkgOutcome.Failed.class);
    assertThat(((DkgOutcome.Failed) first).resumable()).isTrue();
    DkgStore store4 =
        new DkgStore(
            org.springframework.jdbc.core.simple.JdbcClient.create(ms.get(3).dataSource),
            new org.springframework.transaction.support.TransactionTemplate(
                new org.springframework.jdbc.datasource.DataSourceTransactionManager(
                    ms.get(3).dataSource)));
    DkgStore.Session before = store4.session(spec.config().sessionId()).orElseThrow();
    assertThat(store4.records(spec.config().sessionId())).hasSize(2); // its deal and vote
    assertThat(ms.get(3).keys().share(0)).isEmpty();

    // It restarts (a new service over the same database and keys) while the others start.
    List<DkgService> all = new ArrayList<>();
    for (DkgTestMember m : ms) {
      all.add(
          m.start(topic, DkgTestMember.settings(Duration.ofSeconds(30), Duration.ofMinutes(3))));
    }
    List<DkgOutcome> outcomes = runAll(all, spec);
    PublicKey key = oneGroupKey(outcomes);
    DkgOutcome.Confirmed c4 = (DkgOutcome.Confirmed) outcomes.get(3);
    assertThat(c4.withShare()).isTrue();
    assertThat(store4.session(spec.config().sessionId()).orElseThrow().dealSeed())
        .as("the recorded seed is kept")
        .isEqualTo(before.dealSeed());
    // It dealt once: its deal is byte-identical wherever it appears, counted once, qualified.
    List<DkgMessage> deals4 =
        ByzantineDealer.read(spec, topic).stream()
            .map(r -> DkgCodec.decode(spec.config(), r))
            .filter(r -> r.isOk() && r.orThrow() instanceof DkgMessage.Deal d && d.dealer() == 4)
            .map(r -> r.orThrow())
            .toList();
    assertThat(deals4).isNotEmpty();
    assertThat(deals4.stream().map(DkgMessage::signingHash).distinct()).hasSize(1);
    TranscriptVerifier.Report report =
        TranscriptVerifier.verify(new TranscriptFile(spec, c4.sessionId(), c4.transcript()));
    assertThat(report.lines()).contains("qualified dealers [1, 2, 3, 4]");
    // One share file; a third run answers from the database and leaves it as it is.
    Path share = ms.get(3).keys().shareFile(0);
    byte[] shareBytes = Files.readAllBytes(share);
    DkgOutcome third =
        ms.get(3)
            .start(topic, DkgTestMember.settings(Duration.ofSeconds(30), Duration.ofMinutes(1)))
            .run(spec);
    assertThat(((DkgOutcome.Confirmed) third).federation().groupKey()).isEqualTo(key);
    assertThat(Files.readAllBytes(share)).isEqualTo(shareBytes);
  }

  @Test
  void junkOnTheTopicIsCountedAndSkippedWithoutStoppingTheRun() throws Exception {
    List<DkgTestMember> ms = members("junk", 4);
    FederationSpec spec = spec(ms, 3, 0);
    FederationSpec other = spec(ms, 3, 1); // another session: another epoch
    String topic = freshTopic();
    List<byte[]> junk = ByzantineDealer.junk(spec, other, ms);
    ByzantineDealer.publish(spec, topic, junk);
    ByzantineDealer.publishForeignKey(other, topic, junk.get(0));
    // A hostile relay repeats every record of the session it sees, once.
    ByzantineDealer.Replayer replayer = ByzantineDealer.replay(spec, topic);
    List<DkgOutcome> outcomes;
    try {
      ByzantineDealer.publish(spec, topic, junk);
      outcomes =
          runAll(
              ms.stream()
                  .map(
                      m ->
                          m.start(
                              topic,
                              DkgTestMember.settings(
                                  Duration.ofSeconds(30), Duration.ofMinutes(3))))
                  .toList(),
              spec);
    } finally {
      replayer.close();
    }
    assertThat(outcomes).allSatisfy(o -> assertThat(o).isInstanceOf(DkgOutcome.Confirmed.class));
    oneGroupKey(outcomes);
    for (DkgTestMember m : ms) {
      assertThat(m.count("rejected", "malformed")).as("garbage, truncated").isPositive();
      assertThat(m.count("rejected", "bad_length")).as("oversized").isPositive();
      assertThat(m.count("rejected", "bad_message")).as("other session inside").isPositive();
      assertThat(m.count("rejected", "bad_signature")).as("forged sender").isPositive();
      assertThat(m.count("rejected", "unknown_member")).as("sender 99").isPositive();
      assertThat(m.count("rejected", "foreign-session")).as("other key").isPositive();
      assertThat(m.count("rejected", "empty")).as("null value").isPositive();
    }
    assertThat(ms.stream().mapToDouble(m -> m.count("ignored", "repeat")).sum())
        .as("replayed records")
        .isPositive();
  }

  /**
   * The independent review's fork over real Kafka: Kafka holds member 1's complaint (and its "done"
   * vote of the complaint round) until the complaint round has closed for everyone. Member 1 counts
   * its complaint no more than the others do: one group key for all, and member 1, lacking a valid
   * share from the dealer it complained about, confirms nothing and holds no share.
   */
  @Test
  void ownComplaintThatKafkaDelaysPastTheRoundEndForksNobody() throws Exception {
    List<DkgTestMember> ms = members("ownlate", 7);
    FederationSpec spec = spec(ms, 5, 0);
    String topic = freshTopic();
    ByzantineDealer.publishBadDeal(ms.get(3), spec, topic, 1); // then member 4 falls silent
    DkgSettings quick = DkgTestMember.settings(Duration.ofSeconds(2), Duration.ofMinutes(3));
    List<Future<DkgOutcome>> futures = new ArrayList<>();
    for (int i = 0; i < 7; i++) {
      if (i == 3) {
        continue;
      }
      DkgService s = ms.get(i).start(topic, quick);
      futures.add(
          i == 0
              ? POOL.submit(() -> s.run(spec, HoldOwnComplaint::new))
              : POOL.submit(() -> s.run(spec)));
    }
    List<DkgOutcome> outcomes = new ArrayList<>();
    for (Future<DkgOutcome> f : futures) {
      outcomes.add(f.get(3, TimeUnit.MINUTES));
    }
    assertThat(outcomes).allSatisfy(o -> assertThat(o).isInstanceOf(DkgOutcome.Confirmed.class));
    PublicKey key = oneGroupKey(outcomes);
    DkgOutcome.Confirmed one = (DkgOutcome.Confirmed) outcomes.get(0);
    assertThat(one.withShare()).isFalse();
    assertThat(ms.get(0).keys().share(0)).isEmpty();
    assertThat(outcomes.subList(1, 6))
        .allSatisfy(o -> assertThat(((DkgOutcome.Confirmed) o).withShare()).isTrue());
    TranscriptVerifier.Report report =
        TranscriptVerifier.verify(new TranscriptFile(spec, one.sessionId(), one.transcript()));
    assertThat(report.ok()).isTrue();
    assertThat(report.lines()).contains("qualified dealers [1, 2, 3, 4, 5, 6, 7]");
    assertThat(report.lines()).anyMatch(l -> l.contains(", 0 complaints,"));
    // The complaint did reach the topic, late, and counted for no one.
    assertThat(
            ByzantineDealer.read(spec, topic).stream()
                .anyMatch(r -> r[0] == 2 && java.nio.ByteBuffer.wrap(r).getInt(33) == 1))
        .isTrue();
    assertThat(ms.get(0).service.federation(0).orElseThrow().groupKey()).isEqualTo(key);
  }

  /** Kafka delaying member 1's complaint round: held until another member votes in round 3. */
  static final class HoldOwnComplaint implements DkgLink {
    private final DkgLink link;
    private final List<byte[]> held = new ArrayList<>();
    private org.fedbridge.core.types.Bytes32 session;

    HoldOwnComplaint(DkgLink link) {
      this.link = link;
    }

    @Override
    public long earliest() {
      return link.earliest();
    }

    @Override
    public synchronized void publish(org.fedbridge.core.types.Bytes32 s, List<byte[]> records) {
      session = s;
      List<byte[]> now = new ArrayList<>();
      for (byte[] r : records) {
        boolean complaintRound = r[0] == 2 || (r[0] == 4 && r[37] == 2);
        (complaintRound ? held : now).add(r);
      }
      link.publish(s, now);
    }

    @Override
    public synchronized List<DkgTransport.Read> poll(long from, Duration wait) {
      List<DkgTransport.Read> reads = link.poll(from, wait);
      boolean roundTwoClosed =
          reads.stream()
              .map(DkgTransport.Read::value)
              .anyMatch(
                  v ->
                      v != null
                          && v.length > 37
                          && v[0] == 4
                          && v[37] == 3
                          && java.nio.ByteBuffer.wrap(v).getInt(33) != 1);
      if (roundTwoClosed && !held.isEmpty()) {
        link.publish(session, List.copyOf(held));
        held.clear();
      }
      return reads;
    }
  }
}
