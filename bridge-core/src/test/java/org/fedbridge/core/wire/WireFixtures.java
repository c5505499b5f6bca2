package org.fedbridge.core.wire;

import static org.quicktheories.generators.SourceDSL.booleans;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;
import static org.quicktheories.generators.SourceDSL.longs;
import static org.quicktheories.generators.SourceDSL.strings;

import java.math.BigInteger;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;
import org.fedbridge.core.bls.Bls;
import org.fedbridge.core.bls.PublicKey;
import org.fedbridge.core.bls.SecretKey;
import org.fedbridge.core.dkg.IdentityKey;
import org.fedbridge.core.dkg.IdentityPublicKey;
import org.fedbridge.core.message.Deposit;
import org.fedbridge.core.message.Domain;
import org.fedbridge.core.message.EpochChange;
import org.fedbridge.core.message.PauserUpdate;
import org.fedbridge.core.message.TokenConfig;
import org.fedbridge.core.message.Unpause;
import org.fedbridge.core.message.Withdrawal;
import org.fedbridge.core.threshold.Member;
import org.fedbridge.core.threshold.MemberSet;
import org.fedbridge.core.threshold.PartialSignature;
import org.fedbridge.core.threshold.SecretShare;
import org.fedbridge.core.threshold.Shamir;
import org.fedbridge.core.threshold.ThresholdPolicy;
import org.fedbridge.core.threshold.ThresholdSigner;
import org.fedbridge.core.types.Address;
import org.fedbridge.core.types.Bytes32;
import org.fedbridge.core.types.UInt256;
import org.fedbridge.core.wire.CertificateBody.DepositBody;
import org.fedbridge.core.wire.CertificateBody.EpochChangeBody;
import org.fedbridge.core.wire.CertificateBody.PauserUpdateBody;
import org.fedbridge.core.wire.CertificateBody.TokenConfigBody;
import org.fedbridge.core.wire.CertificateBody.UnpauseBody;
import org.fedbridge.core.wire.CertificateBody.WithdrawalBody;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.Generate;

/** A 3-of-4 federation with identity keys, and generators of valid, signed records. */
final class WireFixtures {
  static final int MEMBERS = 4;
  static final SecureRandom RND = new SecureRandom();
  static final List<IdentityKey> IDENTITIES = new ArrayList<>();
  static final SecretKey GROUP = SecretKey.random(RND);
  static final List<SecretShare> SHARES = Shamir.split(GROUP, new ThresholdPolicy(3, MEMBERS), RND);

  /** The next epoch's federation, for EpochChange bodies. */
  static final PublicKey NEXT_GROUP_KEY;

  static final MemberSet NEXT_MEMBERS;

  static {
    for (int i = 0; i < MEMBERS; i++) {
      IDENTITIES.add(IdentityKey.random(RND));
    }
    try (SecretKey next = SecretKey.random(RND)) {
      NEXT_GROUP_KEY = next.publicKey();
      List<Member> ms = new ArrayList<>();
      for (SecretShare s : Shamir.split(next, new ThresholdPolicy(3, MEMBERS), RND)) {
        ms.add(new Member(s.index(), "operator-" + s.index(), s.publicKey()));
      }
      NEXT_MEMBERS = MemberSet.of(ms, 3).orThrow();
    }
  }

  private WireFixtures() {}

  static IdentityKey identity(int index) {
    return IDENTITIES.get(index - 1);
  }

  /** The identity key a consumer's member list gives for an index, if it is a member. */
  static Optional<IdentityPublicKey> memberKey(int index) {
    return index >= 1 && index <= MEMBERS
        ? Optional.of(identity(index).publicKey())
        : Optional.empty();
  }

  static Domain domain(long epoch) {
    return new Domain(
        UInt256.of(1),
        new Address(
            new byte[] {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20}),
        UInt256.of(77),
        UInt256.of(epoch));
  }

  static Gen<Long> u63() {
    return longs().between(0, Long.MAX_VALUE);
  }

  static Gen<byte[]> bytes(int min, int max) {
    return Generate.byteArrays(
        integers().between(min, max), Generate.bytes(Byte.MIN_VALUE, Byte.MAX_VALUE, (byte) 0));
  }

  static Gen<UInt256> u256() {
    return bytes(32, 32).map(b -> new UInt256(new BigInteger(1, b)));
  }

  static Gen<Address> addresses() {
    return bytes(20, 20).map(Address::new);
  }

  static Gen<Bytes32> b32() {
    return bytes(32, 32).map(Bytes32::new);
  }

  /** Signed partial records of member 1..4 over a random digest. */
  static Gen<PartialRecord> partials() {
    Gen<PartialSignature> signed =
        integers()
            .between(1, MEMBERS)
            .zip(b32(), (i, d) -> new Object[] {i, d})
            .map(o -> ThresholdSigner.partialSign(SHARES.get((int) o[0] - 1), (Bytes32) o[1]));
    Gen<Object[]> ids =
        Generate.pick(List.of(WireType.values()))
            .zip(u63(), u256(), (t, e, b) -> new Object[] {t, e, b});
    return ids.zip(
        b32(),
        signed,
        (id, digest, p) ->
            PartialRecord.unsigned((WireType) id[0], (Long) id[1], (UInt256) id[2], digest, p)
                .signedBy(identity(p.index())));
  }

  static Gen<Deposit> deposits() {
    return u256()
        .zip(addresses(), addresses(), addresses(), (n, t, s, r) -> new Object[] {n, t, s, r})
        .zip(
            u256(),
            (o, a) ->
                new Deposit((UInt256) o[0], (Address) o[1], (Address) o[2], (Address) o[3], a));
  }

  static Gen<CertificateBody> bodies(long epoch) {
    Gen<CertificateBody> dep =
        u256().zip(lists().of(deposits()).ofSizeBetween(1, 6), DepositBody::new);
    Gen<CertificateBody> wd =
        u256()
            .zip(
                lists().of(deposits()).ofSizeBetween(1, 6),
                (id, ds) ->
                    new WithdrawalBody(
                        id,
                        ds.stream()
                            .map(
                                d ->
                                    new Withdrawal(
                                        d.nonce(),
                                        d.token(),
                                        d.sender(),
                                        d.recipient(),
                                        d.amount()))
                            .toList()));
    Gen<CertificateBody> ec =
        Generate.constant(
            () ->
                new EpochChangeBody(
                    new EpochChange(UInt256.of(epoch + 1), NEXT_GROUP_KEY, NEXT_MEMBERS)));
    Gen<CertificateBody> token =
        u256()
            .zip(
                addresses(),
                booleans().all(),
                u256(),
                (n, t, r, l) ->
                    new TokenConfigBody(
                        new TokenConfig(n, t, r, l, UInt256.of(3_600), l, UInt256.of(60))));
    Gen<CertificateBody> pauser =
        u256()
            .zip(
                addresses().assuming(a -> !a.equals(Address.ZERO)),
                booleans().all(),
                (n, a, on) -> new PauserUpdateBody(new PauserUpdate(n, a, on)));
    Gen<CertificateBody> unpause =
        u256()
            .zip(
                u256().assuming(c -> c.value().signum() > 0),
                (n, c) -> new UnpauseBody(new Unpause(n, c)));
    return Generate.oneOf(dep, wd, ec, token, pauser, unpause);
  }

  static Gen<List<Integer>> signerSets() {
    return lists()
        .of(integers().between(1, 1000))
        .ofSizeBetween(1, 40)
        .map(l -> List.copyOf(new TreeSet<>(l)));
  }

  /** Certificates signed by the group key under {@link #domain} of their epoch. */
  static Gen<CertificateRecord> certificates() {
    return longs()
        .between(0, Long.MAX_VALUE - 1)
        .flatMap(
            epoch ->
                bodies(epoch)
                    .zip(
                        signerSets(),
                        integers().between(1, 1000),
                        (body, signers, by) ->
                            new CertificateRecord(
                                epoch,
                                body,
                                Bls.sign(GROUP, body.message().digest(domain(epoch))),
                                signers,
                                by)));
  }

  static Gen<String> operatorIds() {
    List<Character> alphabet = new ArrayList<>();
    for (char c : "abcdefghijklmnopqrstuvwxyz0123456789-".toCharArray()) {
      alphabet.add(c);
    }
    return lists()
        .of(Generate.pick(alphabet))
        .ofSizeBetween(1, 64)
        .map(cs -> cs.stream().map(String::valueOf).reduce("", String::concat));
  }

  /** Signed heartbeats of member 1..4 (index 0 also: not a member of that epoch). */
  static Gen<HeartbeatRecord> heartbeats() {
    Gen<long[]> numbers =
        lists().of(u63()).ofSize(7).map(l -> l.stream().mapToLong(Long::longValue).toArray());
    Gen<Optional<Heartbeat.LastSigned>> last =
        Generate.pick(List.of(WireType.values()))
            .zip(u256(), u63(), Heartbeat.LastSigned::new)
            .toOptionals(20);
    Gen<String> reason = strings().betweenCodePoints(0x20, 0xd7ff).ofLengthBetween(0, 150);
    Gen<String> version = strings().betweenCodePoints(0x20, 0x7e).ofLengthBetween(0, 64);
    Gen<Object[]> who =
        operatorIds()
            .zip(
                integers().between(1, MEMBERS),
                integers().between(0, 1000),
                (o, k, i) -> new Object[] {o, k, i});
    Gen<Object[]> status =
        last.zip(booleans().all(), reason, version, (l, h, r, v) -> new Object[] {l, h, r, v});
    return who.zip(
        numbers,
        status,
        (w, n, s) -> {
          int key = (Integer) w[1];
          boolean halted = (Boolean) s[1];
          @SuppressWarnings("unchecked")
          Optional<Heartbeat.LastSigned> lastSigned = (Optional<Heartbeat.LastSigned>) s[0];
          Heartbeat h =
              new Heartbeat(
                  (String) w[0],
                  identity(key).publicKey(),
                  n[0],
                  (Integer) w[2],
                  n[1],
                  n[2],
                  n[3],
                  n[4],
                  n[5],
                  n[6],
                  lastSigned,
                  halted,
                  halted ? (String) s[2] : "",
                  (String) s[3]);
          return HeartbeatRecord.unsigned(h).signedBy(identity(key));
        });
  }
}
