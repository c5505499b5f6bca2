package org.fedbridge.validator.dkg;

import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.fedbridge.core.dkg.DkgCodec;
import org.fedbridge.core.dkg.DkgMessage;
import org.fedbridge.core.dkg.DkgRun;
import org.fedbridge.core.dkg.Ecies;
import org.fedbridge.core.dkg.IdentityKey;
import org.fedbridge.testsupport.TestKafka;

/** A hostile member that signs records with its own key but lies in them. */
final class ByzantineDealer {
  private static final SecureRandom RND = new SecureRandom();

  private ByzantineDealer() {}

  /**
   * Publishes {@code member}'s deal with the share for {@code victim} replaced by a share that does
   * not match the commitments (properly encrypted and signed), plus its "done" vote.
   */
  static void publishBadDeal(DkgTestMember member, FederationSpec spec, String topic, int victim) {
    int me = spec.member(member.identity.publicKey()).orElseThrow().index();
    byte[] seed = new byte[32];
    RND.nextBytes(seed);
    DkgRun run = DkgRun.start(spec.config(), me, member.identity, seed);
    List<byte[]> out = new ArrayList<>();
    for (byte[] r : run.outbox()) {
      DkgMessage m = DkgCodec.decode(spec.config(), r).orThrow();
      out.add(
          m instanceof DkgMessage.Deal d
              ? DkgCodec.encode(lie(spec, d, victim, member.identity))
              : r);
    }
    publish(spec, topic, out);
  }

  static DkgMessage.Deal lie(FederationSpec spec, DkgMessage.Deal d, int victim, IdentityKey key) {
    List<byte[]> boxes = new ArrayList<>(d.encryptedShares());
    byte[] wrong = new byte[32];
    wrong[31] = 7;
    boxes.set(
        victim - 1,
        Ecies.encrypt(spec.config().member(victim).identity(), wrong, shareAad(d, victim), RND));
    DkgMessage.Deal unsigned =
        new DkgMessage.Deal(d.session(), d.dealer(), d.commitments(), boxes, new byte[0]);
    return new DkgMessage.Deal(
        d.session(), d.dealer(), d.commitments(), boxes, key.sign(unsigned.signingHash()));
  }

  /** The associated data bridge-core binds a share ciphertext to: session ‖ dealer ‖ recipient. */
  static byte[] shareAad(DkgMessage.Deal d, int recipient) {
    return java.nio.ByteBuffer.allocate(40)
        .put(d.session().bytes())
        .putInt(d.dealer())
        .putInt(recipient)
        .array();
  }

  static void publish(FederationSpec spec, String topic, List<byte[]> records) {
    try (KafkaProducer<byte[], byte[]> p =
        new KafkaProducer<>(
            Map.of("bootstrap.servers", TestKafka.shared().bootstrapServers()),
            new ByteArraySerializer(),
            new ByteArraySerializer())) {
      for (byte[] r : records) {
        p.send(new ProducerRecord<>(topic, 0, spec.config().sessionId().bytes(), r));
      }
      p.flush();
    }
  }

  /** Invalid records of every kind a hostile topic could hold for {@code spec}'s session. */
  static List<byte[]> junk(FederationSpec spec, FederationSpec other, List<DkgTestMember> ms) {
    byte[] seed = new byte[32];
    RND.nextBytes(seed);
    // A deal by member 1 under another seed: never published whole (that would be equivocation).
    byte[] deal = DkgRun.start(spec.config(), 1, ms.get(0).identity, seed).outbox().get(0);
    byte[] garbage = new byte[300];
    RND.nextBytes(garbage);
    byte[] truncated = java.util.Arrays.copyOf(deal, deal.length - 7);
    byte[] oversized = java.util.Arrays.copyOf(deal, DkgCodec.maxLength(spec.config()) + 1);
    // A valid record of another session (same members) sent under this session's key.
    byte[] otherSession = DkgRun.start(other.config(), 2, ms.get(1).identity, seed).outbox().get(1);
    // Member 3 signs a "done" vote that claims to come from member 2.
    DkgMessage.RoundEnd claim =
        new DkgMessage.RoundEnd(spec.config().sessionId(), 2, 1, false, new byte[0]);
    byte[] forged =
        DkgCodec.encode(
            new DkgMessage.RoundEnd(
                claim.session(), 2, 1, false, ms.get(2).identity.sign(claim.signingHash())));
    byte[] stranger = forged.clone();
    java.nio.ByteBuffer.wrap(stranger).putInt(33, 99);
    return java.util.Arrays.asList(
        garbage, truncated, oversized, otherSession, forged, stranger, null);
  }

  /** A record under another session's key. */
  static void publishForeignKey(FederationSpec other, String topic, byte[] value) {
    publish(other, topic, List.of(value));
  }

  /** Every record on the topic so far. */
  static List<byte[]> read(FederationSpec spec, String topic) {
    try (var c =
        new org.apache.kafka.clients.consumer.KafkaConsumer<byte[], byte[]>(
            Map.of("bootstrap.servers", TestKafka.shared().bootstrapServers()),
            new org.apache.kafka.common.serialization.ByteArrayDeserializer(),
            new org.apache.kafka.common.serialization.ByteArrayDeserializer())) {
      var tp = new org.apache.kafka.common.TopicPartition(topic, 0);
      c.assign(List.of(tp));
      c.seekToBeginning(List.of(tp));
      long end = c.endOffsets(List.of(tp)).get(tp);
      List<byte[]> out = new ArrayList<>();
      while (c.position(tp) < end) {
        for (var r : c.poll(java.time.Duration.ofMillis(500))) {
          if (r.value() != null
              && java.util.Arrays.equals(r.key(), spec.config().sessionId().bytes())) {
            out.add(r.value());
          }
        }
      }
      return out;
    }
  }

  /** Re-publishes every record of the session it reads, once, until closed. */
  static Replayer replay(FederationSpec spec, String topic) {
    Replayer r = new Replayer(spec, topic);
    r.start();
    return r;
  }

  static final class Replayer extends Thread implements AutoCloseable {
    private final FederationSpec spec;
    private final String topic;
    private volatile boolean running = true;

    Replayer(FederationSpec spec, String topic) {
      super("dkg-replayer");
      this.spec = spec;
      this.topic = topic;
      setDaemon(true);
    }

    @Override
    public void run() {
      Map<String, Object> props =
          Map.of("bootstrap.servers", TestKafka.shared().bootstrapServers());
      try (var c =
              new org.apache.kafka.clients.consumer.KafkaConsumer<byte[], byte[]>(
                  props,
                  new org.apache.kafka.common.serialization.ByteArrayDeserializer(),
                  new org.apache.kafka.common.serialization.ByteArrayDeserializer());
          var p =
              new KafkaProducer<byte[], byte[]>(
                  props, new ByteArraySerializer(), new ByteArraySerializer())) {
        var tp = new org.apache.kafka.common.TopicPartition(topic, 0);
        c.assign(List.of(tp));
        c.seekToBeginning(List.of(tp));
        java.util.Set<String> seen = new java.util.HashSet<>();
        while (running) {
          for (var r : c.poll(java.time.Duration.ofMillis(100))) {
            if (r.value() != null
                && java.util.Arrays.equals(r.key(), spec.config().sessionId().bytes())
                && seen.add(java.util.HexFormat.of().formatHex(r.value()))) {
              p.send(new ProducerRecord<>(topic, 0, r.key(), r.value()));
            }
          }
        }
      } catch (org.apache.kafka.common.errors.InterruptException e) {
        // closing
      }
    }

    @Override
    public void close() throws InterruptedException {
      running = false;
      join(10_000);
    }
  }
}
