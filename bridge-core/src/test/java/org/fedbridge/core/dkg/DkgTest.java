package org.fedbridge.core.dkg;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.fedbridge.core.bls.Bls;
import org.fedbridge.core.dkg.DkgMessage.Deal;
import org.fedbridge.core.dkg.DkgMessage.Justification;
import org.fedbridge.core.threshold.Combined;
import org.fedbridge.core.threshold.Member;
import org.fedbridge.core.threshold.MemberSet;
import org.fedbridge.core.threshold.PartialSignature;
import org.fedbridge.core.threshold.SecretShare;
import org.fedbridge.core.threshold.Shamir;
import org.fedbridge.core.threshold.ThresholdSigner;
import org.fedbridge.core.threshold.ThresholdVerifier;
import org.fedbridge.core.types.Bytes32;
import org.fedbridge.core.types.Keccak;
import org.fedbridge.core.types.Rejection;
import org.fedbridge.core.types.Result;
import org.junit.jupiter.api.Test;

class DkgTest {
  static final SecureRandom RND = new SecureRandom();
  static final Bytes32 D = Keccak.hash("after-dkg".getBytes());

  /** All members agree; t shares sign for the group key; the transcript re-evaluates the same. */
  static DkgPublicOutput assertConsistent(
      LocalDkg net, Map<Integer, Result<DkgResult>> res, List<Integer> honest) {
    DkgPublicOutput out = res.get(honest.get(0)).orThrow().output();
    for (int i : honest) {
      DkgResult r = res.get(i).orThrow();
      assertThat(r.output()).isEqualTo(out);
      assertThat(r.transcript().evaluate().orThrow()).isEqualTo(out);
      assertThat(r.share().publicKey()).isEqualTo(out.sharePublicKey(i));
    }
    int t = net.config.t();
    List<Member> members = new ArrayList<>();
    for (int i = 1; i <= net.config.n(); i++) {
      members.add(new Member(i, "operator-" + i, out.sharePublicKey(i)));
    }
    ThresholdVerifier v =
        ThresholdVerifier.checked(out.groupKey(), MemberSet.of(members, t).orThrow()).orThrow();
    List<PartialSignature> partials = new ArrayList<>();
    List<SecretShare> shares = new ArrayList<>();
    for (int i : honest.subList(honest.size() - t, honest.size())) {
      SecretShare s = res.get(i).orThrow().share();
      shares.add(s);
      partials.add(ThresholdSigner.partialSign(s, D));
    }
    Combined c = v.combine(D, partials).orThrow();
    assertThat(Bls.verify(out.groupKey(), D, c.signature())).isTrue();
    assertThat(Shamir.recover(shares).orThrow().publicKey()).isEqualTo(out.groupKey());
    return out;
  }

  static List<Integer> range(int from, int to, int... except) {
    List<Integer> l = new ArrayList<>();
    outer:
    for (int i = from; i <= to; i++) {
      for (int e : except) {
        if (e == i) {
          continue outer;
        }
      }
      l.add(i);
    }
    return l;
  }

  @Test
  void honestRunGivesOneGroupKeyAndWorkingShares() {
    LocalDkg net = LocalDkg.create(7, RND);
    Map<Integer, Result<DkgResult>> res = net.run();
    DkgPublicOutput out = assertConsistent(net, res, range(1, 7));
    assertThat(out.qualified()).containsExactlyInAnyOrder(1, 2, 3, 4, 5, 6, 7);
    assertThat(res.get(1).orThrow().transcript().complaints()).isEmpty();
    // The output feeds the next EpochChange directly.
    var members = out.memberSet(net.config).orThrow();
    var change =
        new org.fedbridge.core.message.EpochChange(
            org.fedbridge.core.types.UInt256.of(8), out.groupKey(), members);
    assertThat(change.digest(org.fedbridge.core.golden.GoldenVectors.DOMAIN)).isNotNull();
    assertThat(ThresholdVerifier.checked(out.groupKey(), members).isOk()).isTrue();
  }

  /** Replaces dealer's ciphertext for {@code victim} with an encryption of a wrong share. */
  static DkgMessage badShareFor(LocalDkg net, Deal d, int victim) {
    List<byte[]> boxes = new ArrayList<>(d.encryptedShares());
    byte[] wrong = new byte[32];
    wrong[31] = 7;
    boxes.set(
        victim - 1,
        Ecies.encrypt(
            net.config.member(victim).identity(),
            wrong,
            Wire.shareAad(d.session(), d.dealer(), victim),
            RND));
    return new Deal(d.session(), d.dealer(), d.commitments(), boxes, new byte[0])
        .signed(net.identities.get(d.dealer() - 1));
  }

  @Test
  void dealerWithInconsistentShareThatStaysSilentIsDisqualified() {
    LocalDkg net = LocalDkg.create(7, RND);
    int bad = 3;
    Map<Integer, Result<DkgResult>> res =
        net.run(
            (sender, msgs) -> {
              if (sender != bad) {
                return msgs;
              }
              List<DkgMessage> out = new ArrayList<>();
              for (DkgMessage m : msgs) {
                if (m instanceof Deal d) {
                  out.add(badShareFor(net, d, 5));
                } // justifications are withheld
              }
              return out;
            });
    DkgPublicOutput out = assertConsistent(net, res, range(1, 7, bad));
    assertThat(out.qualified()).doesNotContain(bad).hasSize(6);
    assertThat(res.get(1).orThrow().transcript().complaints())
        .singleElement()
        .satisfies(c -> assertThat(c.dealer()).isEqualTo(bad));
  }

  /** Re-encrypts the victim's share from {@code d} shifted by {@code delta} (mod r). */
  static Deal shiftedShareFor(LocalDkg net, Deal d, int victim, BigInteger delta) {
    byte[] aad = Wire.shareAad(d.session(), d.dealer(), victim);
    byte[] plain =
        Ecies.decrypt(net.identities.get(victim - 1), d.encryptedShares().get(victim - 1), aad)
            .orThrow();
    BigInteger shifted = new BigInteger(1, plain).add(delta).mod(org.fedbridge.core.bls.Fields.R);
    byte[] out = new byte[32];
    IdentityKey.put32(shifted, out, 0);
    List<byte[]> boxes = new ArrayList<>(d.encryptedShares());
    boxes.set(victim - 1, Ecies.encrypt(net.config.member(victim).identity(), out, aad, RND));
    return new Deal(d.session(), d.dealer(), d.commitments(), boxes, new byte[0])
        .signed(net.identities.get(d.dealer() - 1));
  }

  @Test
  void colludingDealersCannotCancelInconsistentSharesInTheBatchCheck() {
    // Dealers 1 and 2 shift member 4's shares by +δ and −δ: the sum stays right, each is wrong.
    LocalDkg net = LocalDkg.create(7, RND);
    BigInteger delta = BigInteger.valueOf(123456789);
    Map<Integer, Result<DkgResult>> res =
        net.run(
            (sender, msgs) ->
                sender > 2
                    ? msgs
                    : msgs.stream()
                        .map(
                            m ->
                                m instanceof Deal d
                                    ? (DkgMessage)
                                        shiftedShareFor(
                                            net, d, 4, sender == 1 ? delta : delta.negate())
                                    : m)
                        .filter(m -> !(m instanceof Justification))
                        .toList());
    DkgPublicOutput out = assertConsistent(net, res, range(3, 7));
    assertThat(out.qualified()).containsExactlyInAnyOrder(3, 4, 5, 6, 7);
    assertThat(res.get(4).orThrow().transcript().complaints())
        .extracting(c -> c.dealer())
        .containsExactlyInAnyOrder(1, 2);
  }

  @Test
  void dealerThatJustifiesWithTheRightShareStaysAndComplainantUsesIt() {
    LocalDkg net = LocalDkg.create(4, RND);
    int bad = 2;
    Map<Integer, Result<DkgResult>> res =
        net.run(
            (sender, msgs) ->
                sender != bad
                    ? msgs
                    : msgs.stream()
                        .map(m -> m instanceof Deal d ? badShareFor(net, d, 4) : m)
                        .toList());
    DkgPublicOutput out = assertConsistent(net, res, range(1, 4, bad));
    assertThat(out.qualified()).contains(bad);
    assertThat(res.get(1).orThrow().transcript().justifications()).hasSize(1);
  }

  @Test
  void dealerThatJustifiesWithAWrongShareIsDisqualified() {
    LocalDkg net = LocalDkg.create(4, 3, RND);
    int bad = 1;
    Map<Integer, Result<DkgResult>> res =
        net.run(
            (sender, msgs) -> {
              if (sender != bad) {
                return msgs;
              }
              List<DkgMessage> out = new ArrayList<>();
              for (DkgMessage m : msgs) {
                if (m instanceof Deal d) {
                  out.add(badShareFor(net, d, 3));
                } else if (m instanceof Justification j) {
                  byte[] lie = j.share();
                  lie[31] ^= 1;
                  out.add(
                      new Justification(j.session(), j.dealer(), j.complainer(), lie, new byte[0])
                          .signed(net.identities.get(bad - 1)));
                }
              }
              return out;
            });
    DkgPublicOutput out = assertConsistent(net, res, range(1, 4, bad));
    assertThat(out.qualified()).containsExactlyInAnyOrder(2, 3, 4);
  }

  @Test
  void equivocatingDealerIsDisqualified() {
    LocalDkg net = LocalDkg.create(4, 3, RND);
    int bad = 4;
    Map<Integer, Result<DkgResult>> res =
        net.run(
            (sender, msgs) -> {
              if (sender != bad || msgs.isEmpty() || !(msgs.get(0) instanceof Deal d)) {
                return msgs;
              }
              return List.of(d, badShareFor(net, d, 1));
            });
    DkgPublicOutput out = assertConsistent(net, res, range(1, 3));
    assertThat(out.qualified()).containsExactlyInAnyOrder(1, 2, 3);
  }

  @Test
  void runFailsWhenFewerThanTDealersQualify() {
    LocalDkg net = LocalDkg.create(4, 3, RND);
    Map<Integer, Result<DkgResult>> res =
        net.run(
            (sender, msgs) ->
                sender <= 2 && msgs.stream().anyMatch(m -> m instanceof Deal) ? List.of() : msgs);
    for (int i = 3; i <= 4; i++) {
      assertThat(res.get(i).rejection()).isEqualTo(Rejection.INSUFFICIENT_SHARES);
    }
  }

  @Test
  void forgedOrForeignMessagesAreRefused() {
    LocalDkg net = LocalDkg.create(4, 3, RND);
    DkgSession s1 = net.sessions.get(0);
    DkgSession s2 = net.sessions.get(1);
    Deal d2 = (Deal) s2.start().get(0);
    s1.start();
    // Signed by member 3's key but claiming to be from member 2.
    Deal forged =
        new Deal(d2.session(), 2, d2.commitments(), d2.encryptedShares(), new byte[0])
            .signed(net.identities.get(2));
    assertThat(s1.receive(forged).rejection()).isEqualTo(Rejection.BAD_SIGNATURE);
    Deal foreign =
        new Deal(
                Keccak.hash("other".getBytes()),
                2,
                d2.commitments(),
                d2.encryptedShares(),
                new byte[0])
            .signed(net.identities.get(1));
    assertThat(s1.receive(foreign).rejection()).isEqualTo(Rejection.BAD_MESSAGE);
    assertThat(s1.receive(d2).isOk()).isTrue();
    // Its own deal is not in its transcript until it comes back from the log.
    assertThat(s1.transcript().deals()).extracting(Deal::dealer).containsExactly(2);
  }

  @Test
  void outsiderEvaluatingATamperedTranscriptGetsADifferentOutcome() {
    LocalDkg net = LocalDkg.create(4, 3, RND);
    DkgResult r1 = net.run().get(1).orThrow();
    DkgTranscript t = r1.transcript();
    assertThat(t.evaluate().orThrow()).isEqualTo(r1.output());
    // A relay swaps dealer 2's commitments for dealer 3's, keeping dealer 2's signature.
    List<Deal> deals = new ArrayList<>(t.deals());
    Deal d2 = deals.get(1);
    deals.set(
        1,
        new Deal(
            d2.session(),
            d2.dealer(),
            deals.get(2).commitments(),
            d2.encryptedShares(),
            d2.signature()));
    DkgTranscript forged = new DkgTranscript(t.config(), deals, t.complaints(), t.justifications());
    DkgPublicOutput out = forged.evaluate().orThrow();
    assertThat(out.qualified()).doesNotContain(d2.dealer());
    assertThat(out.groupKey()).isNotEqualTo(r1.output().groupKey());
  }

  @Test
  void eciesRoundTripsAndBindsAssociatedData() {
    IdentityKey k = IdentityKey.random(RND);
    byte[] msg = BigInteger.valueOf(42).toByteArray();
    byte[] box = Ecies.encrypt(k.publicKey(), msg, new byte[] {1}, RND);
    assertThat(Ecies.decrypt(k, box, new byte[] {1}).orThrow()).isEqualTo(msg);
    assertThat(Ecies.decrypt(k, box, new byte[] {2}).rejection()).isEqualTo(Rejection.MALFORMED);
    box[40] ^= 1;
    assertThat(Ecies.decrypt(k, box, new byte[] {1}).rejection()).isEqualTo(Rejection.MALFORMED);
    assertThat(
            Ecies.decrypt(
                    IdentityKey.random(RND),
                    Ecies.encrypt(k.publicKey(), msg, new byte[0], RND),
                    new byte[0])
                .isOk())
        .isFalse();
    assertThat(k.toString()).contains("redacted");
  }

  @Test
  void identitySignaturesAreLowSAndVerify() {
    IdentityKey k = IdentityKey.random(RND);
    byte[] sig = k.sign(D);
    assertThat(k.publicKey().verify(D, sig)).isTrue();
    assertThat(k.publicKey().verify(Keccak.hash(new byte[0]), sig)).isFalse();
    // High-s twin of a valid signature is refused (malleability).
    BigInteger n = IdentityKey.N;
    BigInteger s = new BigInteger(1, java.util.Arrays.copyOfRange(sig, 32, 64));
    byte[] twin = sig.clone();
    IdentityKey.put32(n.subtract(s), twin, 32);
    assertThat(k.publicKey().verify(D, twin)).isFalse();
  }
}
