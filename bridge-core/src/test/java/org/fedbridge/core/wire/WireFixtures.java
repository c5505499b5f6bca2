package org.fedbridge.core.wire;

import static org.quicktheories.generators.SourceDSL.booleans;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;
import static org.quicktheories.generators.SourceDSL.longs;
import static org.quicktheories.generators.SourceDSL.strings;

import java.math.BigInteger;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import org.fedbridge.core.bls.Bls;
import org.fedbridge.core.bls.SecretKey;
import org.fedbridge.core.bls.Signature;
import org.fedbridge.core.dkg.IdentityKey;
import org.fedbridge.core.dkg.IdentityPublicKey;
import org.fedbridge.core.message.MessageType;
import org.fedbridge.core.threshold.PartialSignature;
import org.fedbridge.core.types.Bytes32;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.Generate;

/** Four members with identity and BLS keys, and generators of every record. */
final class WireFixtures {
  static final int MEMBERS = 4;
  static final SecureRandom RND = new SecureRandom();
  static final List<IdentityKey> IDENTITIES = new ArrayList<>();
  static final List<SecretKey> BLS_KEYS = new ArrayList<>();

  static {
    for (int i = 0; i < MEMBERS; i++) {
      IDENTITIES.add(IdentityKey.random(RND));
      BLS_KEYS.add(SecretKey.random(RND));
    }
  }

  /** Member i's identity key in every epoch (the epoch field is exercised over its full range). */
  static final IdentityDirectory ANY_EPOCH =
      (epoch, index) ->
          index >= 1 && index <= MEMBERS
              ? Optional.of(IDENTITIES.get(index - 1).publicKey())
              : Optional.empty();

  static IdentityDirectory epochOnly(long epoch) {
    Map<Integer, IdentityPublicKey> m = new HashMap<>();
    for (int i = 1; i <= MEMBERS; i++) {
      m.put(i, IDENTITIES.get(i - 1).publicKey());
    }
    return IdentityDirectory.ofEpoch(epoch, m);
  }

  static IdentityKey identity(int index) {
    return IDENTITIES.get(index - 1);
  }

  /** The message types that have a wire code today. */
  static final List<MessageType> CODED =
      List.of(
          MessageType.DEPOSIT_BATCH,
          MessageType.WITHDRAWAL_BATCH,
          MessageType.EPOCH_CHANGE,
          MessageType.TOKEN_CONFIG,
          MessageType.PAUSER_UPDATE,
          MessageType.UNPAUSE);

  static Gen<Long> u63() {
    return longs().between(0, Long.MAX_VALUE);
  }

  static Gen<byte[]> bytes(int min, int max) {
    return Generate.byteArrays(
        integers().between(min, max), Generate.bytes(Byte.MIN_VALUE, Byte.MAX_VALUE, (byte) 0));
  }

  static Gen<Bytes32> digests() {
    return bytes(32, 32).map(Bytes32::new);
  }

  /** Partial records whose BLS partial really signs the record's digest. */
  static Gen<PartialRecord> partials() {
    Gen<Map.Entry<Bytes32, PartialSignature>> signed =
        digests()
            .zip(
                integers().between(1, MEMBERS),
                (d, i) -> Map.entry(d, new PartialSignature(i, Bls.sign(BLS_KEYS.get(i - 1), d))));
    return u63()
        .zip(
            Generate.pick(CODED),
            u63(),
            signed,
            (epoch, type, batch, p) ->
                new PartialRecord(epoch, type, batch, p.getKey(), p.getValue()));
  }

  static Gen<Signature> signatures() {
    return longs()
        .between(1, Long.MAX_VALUE)
        .map(k -> Bls.sign(SecretKey.fromScalar(BigInteger.valueOf(k)).orThrow(), Bytes32.ZERO));
  }

  static Gen<List<Integer>> signerSets() {
    return lists()
        .of(integers().between(1, 1000))
        .ofSizeBetween(1, 120)
        .map(l -> List.copyOf(new TreeSet<>(l)));
  }

  static Gen<CertificateRecord> certificates() {
    Gen<MessageType> type =
        Generate.pick(List.of(MessageType.DEPOSIT_BATCH, MessageType.WITHDRAWAL_BATCH));
    Gen<Bytes32> root = digests().assuming(r -> !r.equals(Bytes32.ZERO));
    Gen<long[]> ids =
        u63().zip(u63(), longs().between(1, 0xffff_ffffL), (e, b, c) -> new long[] {e, b, c});
    return type.zip(
        ids,
        root,
        signatures().zip(signerSets(), (s, l) -> Map.entry(s, l)),
        (t, i, r, sl) -> new CertificateRecord(t, i[0], i[1], r, i[2], sl.getKey(), sl.getValue()));
  }

  static Gen<HeartbeatRecord> heartbeats() {
    Gen<long[]> l1 = u63().zip(u63(), u63(), (a, b, c) -> sorted(a, b, c));
    Gen<long[]> side = u63().zip(u63(), (a, b) -> sorted(a, b));
    Gen<Optional<BatchRef>> last = Generate.pick(CODED).zip(u63(), BatchRef::new).toOptionals(20);
    Gen<String> version = strings().betweenCodePoints(0x20, 0x7e).ofLengthBetween(1, 32);
    Gen<long[]> ids =
        u63().zip(integers().between(1, MEMBERS), u63(), (e, i, t) -> new long[] {e, i, t});
    Gen<Object[]> rest = last.zip(booleans().all(), version, (l, h, v) -> new Object[] {l, h, v});
    return ids.zip(
        l1,
        side,
        rest,
        (id, a, s, r) -> {
          @SuppressWarnings("unchecked")
          Optional<BatchRef> lastSigned = (Optional<BatchRef>) r[0];
          return new HeartbeatRecord(
              id[0],
              (int) id[1],
              id[2],
              a[2],
              a[1],
              a[0],
              s[1],
              s[0],
              lastSigned,
              (Boolean) r[1],
              (String) r[2]);
        });
  }

  private static long[] sorted(long... v) {
    long[] c = v.clone();
    Arrays.sort(c);
    return c;
  }

  private WireFixtures() {}
}
