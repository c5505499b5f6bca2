package org.fedbridge.validator.consensus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.fedbridge.core.bls.Bls;
import org.fedbridge.core.bls.SecretKey;
import org.fedbridge.core.message.MessageType;
import org.fedbridge.core.threshold.PartialSignature;
import org.fedbridge.core.threshold.ThresholdSigner;
import org.fedbridge.core.types.Bytes32;
import org.fedbridge.core.wire.PartialRecord;
import org.fedbridge.core.wire.WireType;
import org.fedbridge.validator.batch.ObservedBatch;
import org.fedbridge.validator.signing.SignedPartial;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Consensus between validators in one JVM, each with its own PostgreSQL database, over the real
 * Kafka broker: honest combination, a byzantine member, and fewer than t signers.
 */
class ConsensusKafkaTest {
  private static final SecureRandom RND = new SecureRandom();
  private static final Duration WAIT = Duration.ofSeconds(60);

  private final List<AutoCloseable> closing = new ArrayList<>();

  @AfterEach
  void close() throws Exception {
    for (AutoCloseable c : closing) {
      c.close();
    }
  }

  private List<TestNode> nodes(
      String prefix,
      TestNode.Topics topics,
      TestFederation fed,
      TestBatches batches,
      int... indexes) {
    List<TestNode> out = new ArrayList<>();
    for (int i : indexes) {
      TestNode n =
          new TestNode(
              prefix + i,
              TestNode.freshDatabase(prefix + i),
              topics,
              TestFederation.federations(fed, i),
              batches,
              fed.signer(i),
              Duration.ofMillis(300));
      closing.add(n);
      out.add(n.start());
    }
    return out;
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

  private static byte[] signedRecord(
      TestFederation fed,
      long epoch,
      ObservedBatch b,
      Bytes32 digest,
      PartialSignature p,
      int signerIdentity) {
    PartialRecord r = PartialRecord.unsigned(WireType.of(b.type()), epoch, b.batchId(), digest, p);
    return r.withIdentitySignature(fed.identity(signerIdentity).sign(r.signingHash())).encode();
  }

  @Test
  void everyValidatorCertifiesOnceTOfNPartialsArriveAndNamesTheMissingMember() {
    TestFederation fed = new TestFederation(0, 4, "op-", RND);
    ObservedBatch.Deposits batch = TestBatches.deposits(100, 3);
    TestBatches batches = new TestBatches().observe(batch);
    List<TestNode> nodes = nodes("happy", TestNode.Topics.fresh(), fed, batches, 1, 2, 3, 4);
    for (int i = 1; i <= 3; i++) {
      nodes.get(i - 1).publisher.publish(fed.partial(i, batch));
    }
    Bytes32 digest = batch.message().digest(fed.domain);
    for (TestNode n : nodes) {
      await()
          .atMost(WAIT)
          .until(() -> n.certificate(MessageType.DEPOSIT_BATCH, batch.batchId()).isPresent());
      Certificate c = n.certificate(MessageType.DEPOSIT_BATCH, batch.batchId()).orElseThrow();
      assertThat(c.digest()).isEqualTo(digest);
      CertificateContent content = c.content();
      assertThat(Bls.verify(fed.verifier.groupKey(), digest, content.signature())).isTrue();
      assertThat(content.deposits()).isEqualTo(batch.deposits());
      // Member 4 never signed: every validator names it once the grace has passed.
      await()
          .atMost(WAIT)
          .until(
              () ->
                  n.count("fedbridge.validator.certificate.missing.signers", "member", "op-4")
                      == 1);
      assertThat(n.count("fedbridge.validator.certificate.missing.signers", "member", "op-1"))
          .isZero();
      // Recorded where the first partial was read before the certificate (at least the combiner).
      assertThat(n.registry.find("fedbridge.validator.certificate.latency").timer().count())
          .isLessThanOrEqualTo(1);
    }
    assertThat(
            nodes.stream()
                .mapToLong(
                    n -> n.registry.find("fedbridge.validator.certificate.latency").timer().count())
                .sum())
        .isGreaterThanOrEqualTo(1);
    double combined =
        nodes.stream()
            .mapToDouble(
                n -> n.count("fedbridge.validator.certificates.combined", "type", "deposit_batch"))
            .sum();
    assertThat(combined).isBetween(1.0, 4.0);
    for (TestNode n : nodes) {
      assertThat(n.count("fedbridge.validator.partials.received", "member", "op-1")).isEqualTo(1);
    }
  }

  @Test
  void byzantineMemberCannotStopOrCorruptProgressAndIsNamedInMetricsExploit() {
    TestFederation old = new TestFederation(0, 4, "op-", RND);
    TestFederation fed = new TestFederation(1, 4, "op-", RND);
    ObservedBatch.Deposits batch = TestBatches.deposits(200, 2);
    ObservedBatch.Deposits other = TestBatches.deposits(201, 2);
    TestBatches batches = new TestBatches().observe(batch).observe(other);
    TestNode.Topics topics = TestNode.Topics.fresh();
    List<TestNode> nodes = new ArrayList<>();
    for (int i = 1; i <= 3; i++) {
      TestNode n =
          new TestNode(
              "byz" + i,
              TestNode.freshDatabase("byz" + i),
              topics,
              TestFederation.federations(fed, i, old),
              batches,
              fed.signer(i),
              Duration.ofMinutes(5));
      closing.add(n);
      nodes.add(n.start());
    }
    Bytes32 digest = batch.message().digest(fed.domain);
    byte[] key = digest.bytes();
    KafkaProducer<byte[], byte[]> byzantine = rawProducer();
    List<byte[]> junk = new ArrayList<>();
    // Garbage, truncated and oversized records.
    byte[] garbage = new byte[PartialRecord.LENGTH];
    RND.nextBytes(garbage);
    junk.add(garbage);
    junk.add(new byte[50]);
    junk.add(new byte[3000]);
    // Under member 2's index, signed with member 4's identity key (its own share's partial).
    junk.add(
        signedRecord(
            fed,
            1,
            batch,
            digest,
            new PartialSignature(
                2, ThresholdSigner.partialSign(fed.shares.get(3), digest).signature()),
            4));
    // From the old epoch, properly signed by member 4 of that epoch.
    Bytes32 oldDigest = batch.message().digest(old.domain);
    junk.add(
        signedRecord(
            old,
            0,
            batch,
            oldDigest,
            ThresholdSigner.partialSign(old.shares.get(3), oldDigest),
            4));
    // For another digest of the same batch: member 4's slot is taken by it...
    Bytes32 lie = other.message().digest(fed.domain);
    junk.add(
        signedRecord(fed, 1, batch, lie, ThresholdSigner.partialSign(fed.shares.get(3), lie), 4));
    // ...and 40 more partials under its own index, each authentic, none ever paired.
    for (int i = 0; i < 40; i++) {
      PartialSignature random = new PartialSignature(4, Bls.sign(SecretKey.random(RND), digest));
      junk.add(signedRecord(fed, 1, batch, digest, random, 4));
    }
    for (byte[] r : junk) {
      byzantine.send(new ProducerRecord<>(topics.partials(), key, r));
    }
    byzantine.flush();
    for (int i = 1; i <= 3; i++) {
      nodes.get(i - 1).publisher.publish(fed.partial(i, batch));
    }
    for (TestNode n : nodes) {
      await()
          .atMost(WAIT)
          .until(() -> n.certificate(MessageType.DEPOSIT_BATCH, batch.batchId()).isPresent());
      Certificate c = n.certificate(MessageType.DEPOSIT_BATCH, batch.batchId()).orElseThrow();
      assertThat(c.digest()).isEqualTo(digest);
      assertThat(Bls.verify(fed.verifier.groupKey(), digest, c.content().signature())).isTrue();
      await().atMost(WAIT).until(n::consumedAll);
      String[] op4 = {"member", "op-4"};
      assertThat(rejected(n, "impersonation", op4)).isEqualTo(1);
      assertThat(rejected(n, "stale_epoch", op4)).isEqualTo(1);
      assertThat(rejected(n, "wrong_digest", op4)).isEqualTo(1);
      assertThat(rejected(n, "equivocation", op4)).isEqualTo(40);
      String skipped = "fedbridge.validator.kafka.records.skipped";
      assertThat(n.count(skipped, "topic", topics.partials(), "reason", "bad_length")).isEqualTo(1);
      assertThat(n.count(skipped, "topic", topics.partials(), "reason", "oversized")).isEqualTo(1);
      assertThat(
              n.registry.find(skipped).tag("topic", topics.partials()).counters().stream()
                  .mapToDouble(x -> x.count())
                  .sum())
          .isEqualTo(3);
      // SECURITY: junk bought no pairing: one optimistic combination of the honest partials.
      assertThat(n.pairings()).isLessThanOrEqualTo(fed.t + 2);
      // Honest members are never blamed.
      for (String honest : List.of("op-1", "op-2", "op-3")) {
        assertThat(
                n.registry
                    .find("fedbridge.validator.partials.rejected")
                    .tag("member", honest)
                    .counters())
            .isEmpty();
      }
    }
  }

  @Test
  void row10BadPartialIsAttributedAndFewerThanTSignersNeverMakeACertificateExploit() {
    TestFederation fed = new TestFederation(0, 4, "op-", RND);
    ObservedBatch.Deposits batch = TestBatches.deposits(300, 1);
    TestBatches batches = new TestBatches().observe(batch);
    TestNode.Topics topics = TestNode.Topics.fresh();
    List<TestNode> nodes = nodes("row10", topics, fed, batches, 1, 2, 3);
    Bytes32 digest = batch.message().digest(fed.domain);
    KafkaProducer<byte[], byte[]> byzantine = rawProducer();
    SignedPartial p1 = fed.partial(1, batch);
    SignedPartial p2 = fed.partial(2, batch);
    nodes.get(0).publisher.publish(p1);
    nodes.get(1).publisher.publish(p2);
    // Member 4 colludes: member 2's partial relabelled as its own, and member 1's partial
    // repeated t times and under member 3's index.
    byte[] stolen =
        signedRecord(fed, 0, batch, digest, new PartialSignature(4, p2.partial().signature()), 4);
    byzantine.send(new ProducerRecord<>(topics.partials(), digest.bytes(), stolen));
    byte[] relabelled =
        signedRecord(fed, 0, batch, digest, new PartialSignature(3, p1.partial().signature()), 4);
    byzantine.send(new ProducerRecord<>(topics.partials(), digest.bytes(), relabelled));
    byte[] replay = PartialWire.encode(p1, fed.signer(1));
    for (int i = 0; i < fed.t; i++) {
      byzantine.send(new ProducerRecord<>(topics.partials(), digest.bytes(), replay));
    }
    byzantine.flush();
    for (TestNode n : nodes) {
      await().atMost(WAIT).until(() -> rejected(n, "bad_partial", "member", "op-4") == 1);
      await().atMost(WAIT).until(n::consumedAll);
      assertThat(n.certificate(MessageType.DEPOSIT_BATCH, batch.batchId())).isEmpty();
      assertThat(rejected(n, "impersonation", "member", "op-4")).isEqualTo(1);
      // optimistic (1) + one batch check of the three candidates (2-3): no more, whatever arrived
      assertThat(n.pairings()).isLessThanOrEqualTo(4);
    }
    // The third honest member signs: now there are t valid signers.
    nodes.get(2).publisher.publish(fed.partial(3, batch));
    for (TestNode n : nodes) {
      await()
          .atMost(WAIT)
          .until(() -> n.certificate(MessageType.DEPOSIT_BATCH, batch.batchId()).isPresent());
      assertThat(
              n.certificate(MessageType.DEPOSIT_BATCH, batch.batchId())
                  .orElseThrow()
                  .content()
                  .signers())
          .doesNotContain(4);
    }
  }

  private static double rejected(TestNode n, String reason, String... memberTag) {
    String[] tags = new String[memberTag.length + 2];
    tags[0] = "reason";
    tags[1] = reason;
    System.arraycopy(memberTag, 0, tags, 2, memberTag.length);
    return n.count("fedbridge.validator.partials.rejected", tags);
  }
}
