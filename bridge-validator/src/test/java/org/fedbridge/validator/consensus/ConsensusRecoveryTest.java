package org.fedbridge.validator.consensus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.fedbridge.core.bls.Bls;
import org.fedbridge.core.message.MessageType;
import org.fedbridge.core.threshold.PartialSignature;
import org.fedbridge.core.threshold.ThresholdSigner;
import org.fedbridge.core.threshold.ThresholdVerifier;
import org.fedbridge.core.types.Bytes32;
import org.fedbridge.core.wire.PartialRecord;
import org.fedbridge.core.wire.WireType;
import org.fedbridge.validator.batch.ObservedBatch;
import org.fedbridge.validator.signing.SignedPartial;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Validators that were down, restart, or read hostile certificates; and threat row 1 (a removed
 * member's or an old epoch's partial never counts). Real Kafka, one PostgreSQL database each.
 */
class ConsensusRecoveryTest {
  private static final SecureRandom RND = new SecureRandom();
  private static final Duration WAIT = Duration.ofSeconds(60);
  private final List<AutoCloseable> closing = new ArrayList<>();

  @AfterEach
  void close() throws Exception {
    for (AutoCloseable c : closing) {
      c.close();
    }
  }

  private TestNode node(
      String name,
      String url,
      TestNode.Topics topics,
      TestFederation fed,
      int i,
      TestBatches b,
      TestFederation... older) {
    TestNode n =
        new TestNode(
            name,
            url,
            topics,
            TestFederation.federations(fed, i, older),
            b,
            fed.signer(i),
            Duration.ofMinutes(5));
    closing.add(n);
    return n;
  }

  private KafkaProducer<byte[], byte[]> rawProducer() {
    KafkaProducer<byte[], byte[]> p =
        new KafkaProducer<>(
            Map.of("bootstrap.servers", TestNode.bootstrap(), "acks", "all"),
            new ByteArraySerializer(),
            new ByteArraySerializer());
    closing.add(p);
    return p;
  }

  @Test
  void restartedMemberRepublishesItsPartialAndALateValidatorCatchesUpFromTheTopic() {
    TestFederation fed = new TestFederation(0, 4, "op-", RND);
    ObservedBatch.Deposits batch = TestBatches.deposits(400, 2);
    TestBatches batches = new TestBatches().observe(batch);
    TestNode.Topics topics = TestNode.Topics.fresh();
    String url1 = TestNode.freshDatabase("rec1");
    TestNode n1 = node("rec1", url1, topics, fed, 1, batches).start();
    TestNode n2 = node("rec2", TestNode.freshDatabase("rec2"), topics, fed, 2, batches).start();
    TestNode n3 = node("rec3", TestNode.freshDatabase("rec3"), topics, fed, 3, batches);
    // Member 3 crashed after writing its partial to its outbox, before sending it.
    SignedPartial p3 = fed.partial(3, batch);
    n3.store.insertOwn(
        new BatchKey(p3.type(), p3.batchId(), p3.epoch()),
        p3.digest(),
        PartialWire.encode(p3, fed.signer(3)),
        Instant.now());
    n1.publisher.publish(fed.partial(1, batch));
    n2.publisher.publish(fed.partial(2, batch));
    await().atMost(WAIT).until(() -> n1.consumedAll() && n2.consumedAll());
    assertThat(n1.certificate(MessageType.DEPOSIT_BATCH, batch.batchId())).isEmpty();
    n3.start(); // re-publishes its partial for the batch still without a certificate
    for (TestNode n : List.of(n1, n2, n3)) {
      await()
          .atMost(WAIT)
          .until(() -> n.certificate(MessageType.DEPOSIT_BATCH, batch.batchId()).isPresent());
    }
    // A validator that was down the whole time catches up from the certificates topic.
    TestNode n4 =
        node("rec4", TestNode.freshDatabase("rec4"), topics, fed, 4, new TestBatches()).start();
    await()
        .atMost(WAIT)
        .until(() -> n4.certificate(MessageType.DEPOSIT_BATCH, batch.batchId()).isPresent());
    Certificate learnt = n4.certificate(MessageType.DEPOSIT_BATCH, batch.batchId()).orElseThrow();
    assertThat(learnt.combinedHere()).isFalse();
    assertThat(learnt.digest()).isEqualTo(batch.message().digest(fed.domain));
    // Member 1 restarts from its database: nothing is combined or stored twice.
    Certificate before = n1.certificate(MessageType.DEPOSIT_BATCH, batch.batchId()).orElseThrow();
    n1.close();
    closing.remove(n1);
    TestNode again = node("rec1", url1, topics, fed, 1, batches).start();
    await().atMost(WAIT).until(() -> again.loop.caughtUp() && again.consumedAll());
    assertThat(again.certificate(MessageType.DEPOSIT_BATCH, batch.batchId())).contains(before);
    assertThat(again.book.after(0, 10)).hasSize(1);
    assertThat(again.count("fedbridge.validator.certificates.combined", "type", "deposit_batch"))
        .isZero();
    assertThat(again.count("fedbridge.validator.partials.received", "member", "op-2")).isZero();
  }

  @Test
  void databaseOutageLosesNoPartialAndStoresNoneTwice() {
    TestFederation fed = new TestFederation(0, 4, "op-", RND);
    ObservedBatch.Deposits batch = TestBatches.deposits(420, 2);
    TestBatches batches = new TestBatches().observe(batch);
    TestNode.Topics topics = TestNode.Topics.fresh();
    TestNode n1 =
        node("outage1", TestNode.freshDatabase("outage1"), topics, fed, 1, batches).start();
    n1.suspendDatabase();
    KafkaProducer<byte[], byte[]> members = rawProducer();
    for (int i = 1; i <= 3; i++) {
      // t members publish while validator 1's database is away; nobody else combines.
      var p = fed.partial(i, batch);
      members.send(
          new ProducerRecord<>(
              topics.partials(), p.digest().bytes(), PartialWire.encode(p, fed.signer(i))));
    }
    members.flush();
    // The outage is real: the loop failed on its database and will read the records again.
    await().atMost(WAIT).until(() -> n1.loop.databaseFailures() > 0);
    n1.resumeDatabase();
    await()
        .atMost(WAIT)
        .until(() -> n1.certificate(MessageType.DEPOSIT_BATCH, batch.batchId()).isPresent());
    await().atMost(WAIT).until(n1::consumedAll);
    Certificate c = n1.certificate(MessageType.DEPOSIT_BATCH, batch.batchId()).orElseThrow();
    assertThat(c.digest()).isEqualTo(batch.message().digest(fed.domain));
    assertThat(c.combinedHere()).isTrue();
    assertThat(n1.book.after(0, 10)).hasSize(1);
    // Every partial read during the outage was read again and stored once.
    assertThat(n1.store.candidates()).hasSize(3);
  }

  @Test
  void certificateCombinedJustBeforeACrashIsPublishedAtRestart() {
    TestFederation fed = new TestFederation(0, 4, "op-", RND);
    ObservedBatch.Deposits batch = TestBatches.deposits(450, 1);
    TestNode.Topics topics = TestNode.Topics.fresh();
    TestNode other =
        node("crash2", TestNode.freshDatabase("crash2"), topics, fed, 2, new TestBatches()).start();
    // Member 1 combined and stored the certificate, then crashed before Kafka acknowledged it.
    TestNode crashed =
        node("crash1", TestNode.freshDatabase("crash1"), topics, fed, 1, new TestBatches());
    byte[] record = certificate(fed, batch);
    crashed.store.insertCertificate(
        new BatchKey(MessageType.DEPOSIT_BATCH, batch.batchId(), 0),
        batch.message().digest(fed.domain),
        record,
        true,
        null,
        Instant.now());
    assertThat(crashed.store.unpublished()).hasSize(1);
    await().atMost(WAIT).until(other::consumedAll);
    assertThat(other.certificate(MessageType.DEPOSIT_BATCH, batch.batchId())).isEmpty();
    crashed.start();
    await()
        .atMost(WAIT)
        .until(() -> other.certificate(MessageType.DEPOSIT_BATCH, batch.batchId()).isPresent());
    assertThat(other.certificate(MessageType.DEPOSIT_BATCH, batch.batchId()).orElseThrow().record())
        .isEqualTo(record);
    await().atMost(WAIT).until(() -> crashed.store.unpublished().isEmpty());
  }

  @Test
  void hostileCertificateRecordsAreCountedAndSkippedWithoutBlockingTheValidOneBehindThem() {
    TestFederation fed = new TestFederation(0, 4, "op-", RND);
    TestFederation stranger = new TestFederation(0, 4, "op-", RND);
    TestFederation unknownEpoch = new TestFederation(7, 4, "op-", RND);
    ObservedBatch.Deposits batch = TestBatches.deposits(500, 2);
    TestNode.Topics topics = TestNode.Topics.fresh();
    TestNode n =
        node("certs1", TestNode.freshDatabase("certs1"), topics, fed, 1, new TestBatches()).start();
    KafkaProducer<byte[], byte[]> hostile = rawProducer();
    byte[] key = CertificateWire.kafkaKey(MessageType.DEPOSIT_BATCH, batch.batchId());
    byte[] garbage = new byte[400];
    RND.nextBytes(garbage);
    byte[] valid = certificate(fed, batch);
    List<byte[]> records =
        List.of(
            garbage,
            java.util.Arrays.copyOf(valid, valid.length - 7),
            certificate(unknownEpoch, batch),
            certificate(stranger, batch),
            new byte[CertificateWire.MAX_LENGTH + 1],
            valid);
    for (byte[] r : records) {
      hostile.send(new ProducerRecord<>(topics.certificates(), key, r));
    }
    hostile.send(new ProducerRecord<>(topics.certificates(), key, null));
    hostile.flush();
    await()
        .atMost(WAIT)
        .until(() -> n.certificate(MessageType.DEPOSIT_BATCH, batch.batchId()).isPresent());
    await().atMost(WAIT).until(n::consumedAll);
    String skipped = "fedbridge.validator.kafka.records.skipped";
    String t = topics.certificates();
    assertThat(n.count(skipped, "topic", t, "reason", "wrong_epoch")).isEqualTo(1);
    assertThat(n.count(skipped, "topic", t, "reason", "bad_signature")).isEqualTo(1);
    assertThat(n.count(skipped, "topic", t, "reason", "oversized")).isEqualTo(1);
    assertThat(n.count(skipped, "topic", t, "reason", "empty")).isEqualTo(1);
    assertThat(
            n.registry.find(skipped).tag("topic", t).counters().stream()
                .mapToDouble(x -> x.count())
                .sum())
        .isEqualTo(6);
    assertThat(n.certificate(MessageType.DEPOSIT_BATCH, batch.batchId()).orElseThrow().record())
        .isEqualTo(valid);
    // Copies of a certificate already held cost no pairing.
    double verified = n.count("fedbridge.validator.certificate.verifications");
    for (int i = 0; i < 20; i++) {
      hostile.send(new ProducerRecord<>(topics.certificates(), key, valid));
    }
    hostile.flush();
    await().atMost(WAIT).until(n::consumedAll);
    assertThat(n.count("fedbridge.validator.certificate.verifications")).isEqualTo(verified);
  }

  @Test
  void row1RemovedMembersAndOldEpochPartialsNeverCountExploit() {
    TestFederation old = new TestFederation(0, 4, "op-", RND);
    TestFederation current = new TestFederation(1, 4, "new-op-", RND);
    ObservedBatch.Deposits batch = TestBatches.deposits(600, 1);
    TestBatches batches = new TestBatches().observe(batch);
    TestNode.Topics topics = TestNode.Topics.fresh();
    List<TestNode> nodes = new ArrayList<>();
    for (int i = 1; i <= 3; i++) {
      nodes.add(
          node("row1n" + i, TestNode.freshDatabase("row1n" + i), topics, current, i, batches, old)
              .start());
    }
    KafkaProducer<byte[], byte[]> attacker = rawProducer();
    Bytes32 oldDigest = batch.message().digest(old.domain);
    Bytes32 digest = batch.message().digest(current.domain);
    // The whole old federation signs the batch under epoch 0: t and more authentic partials.
    for (int i = 1; i <= 4; i++) {
      attacker.send(
          new ProducerRecord<>(
              topics.partials(),
              oldDigest.bytes(),
              record(
                  old,
                  0,
                  batch,
                  oldDigest,
                  ThresholdSigner.partialSign(old.shares.get(i - 1), digest),
                  i)));
    }
    // The removed operator (old member 4) speaks in the new epoch under index 4 with its old keys.
    attacker.send(
        new ProducerRecord<>(
            topics.partials(),
            digest.bytes(),
            record(
                old, 1, batch, digest, ThresholdSigner.partialSign(old.shares.get(3), digest), 4)));
    attacker.flush();
    nodes.get(0).publisher.publish(current.partial(1, batch));
    nodes.get(1).publisher.publish(current.partial(2, batch));
    for (TestNode n : nodes) {
      await().atMost(WAIT).until(n::consumedAll);
      await()
          .atMost(WAIT)
          .until(
              () ->
                  n.count(
                          "fedbridge.validator.partials.rejected",
                          "reason",
                          "stale_epoch",
                          "member",
                          "op-4")
                      == 1);
      assertThat(n.certificate(MessageType.DEPOSIT_BATCH, batch.batchId())).isEmpty();
      assertThat(
              n.count(
                  "fedbridge.validator.partials.rejected",
                  "reason",
                  "bad_identity_signature",
                  "member",
                  "unauthenticated"))
          .isEqualTo(1);
      assertThat(n.pairings()).isZero();
    }
    nodes.get(2).publisher.publish(current.partial(3, batch));
    for (TestNode n : nodes) {
      await()
          .atMost(WAIT)
          .until(() -> n.certificate(MessageType.DEPOSIT_BATCH, batch.batchId()).isPresent());
      Certificate c = n.certificate(MessageType.DEPOSIT_BATCH, batch.batchId()).orElseThrow();
      assertThat(c.key().epoch()).isEqualTo(1);
      assertThat(Bls.verify(current.verifier.groupKey(), digest, c.content().signature())).isTrue();
      assertThat(Bls.verify(old.verifier.groupKey(), oldDigest, c.content().signature())).isFalse();
    }
  }

  private static byte[] record(
      TestFederation identities,
      long epoch,
      ObservedBatch b,
      Bytes32 digest,
      PartialSignature p,
      int signer) {
    PartialRecord r = PartialRecord.unsigned(WireType.of(b.type()), epoch, b.batchId(), digest, p);
    return r.withIdentitySignature(identities.identity(signer).sign(r.signingHash())).encode();
  }

  /** A certificate of the batch made offline by t members of {@code fed}. */
  private static byte[] certificate(TestFederation fed, ObservedBatch batch) {
    Bytes32 digest = batch.message().digest(fed.domain);
    List<PartialSignature> ps = new ArrayList<>();
    for (int i = 0; i < fed.t; i++) {
      ps.add(ThresholdSigner.partialSign(fed.shares.get(i), digest));
    }
    var sig = ThresholdVerifier.interpolate(ps).orThrow();
    List<Integer> signers = ps.stream().map(PartialSignature::index).toList();
    return CertificateWire.encode(fed.epoch, batch, sig, signers, 1);
  }
}
