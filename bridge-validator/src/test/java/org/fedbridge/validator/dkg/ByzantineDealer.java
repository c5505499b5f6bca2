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
}
