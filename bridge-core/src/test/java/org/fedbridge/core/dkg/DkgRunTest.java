package org.fedbridge.core.dkg;

import static org.assertj.core.api.Assertions.assertThat;

import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.fedbridge.core.bls.Bls;
import org.fedbridge.core.bls.PublicKey;
import org.fedbridge.core.dkg.DkgLog.Phase;
import org.fedbridge.core.dkg.DkgMessage.Complaint;
import org.fedbridge.core.dkg.DkgMessage.Confirmation;
import org.fedbridge.core.dkg.DkgMessage.Deal;
import org.fedbridge.core.dkg.DkgMessage.RoundEnd;
import org.fedbridge.core.threshold.PartialSignature;
import org.fedbridge.core.threshold.ThresholdSigner;
import org.fedbridge.core.threshold.ThresholdVerifier;
import org.fedbridge.core.types.Bytes32;
import org.fedbridge.core.types.Keccak;
import org.junit.jupiter.api.Test;

/** Members driving DKG runs over one ordered log: round ends, confirmations, restarts, delays. */
class DkgRunTest {
  static final SecureRandom RND = new SecureRandom();
  static final Bytes32 DIGEST = Keccak.hash("signed after the dkg".getBytes());

  static Deal dealIn(byte[] record, DkgConfig config) {
    return (Deal) DkgCodec.decode(config, record).orThrow();
  }

  /** Every confirmed member has the same output, its share fits it, and t partials verify. */
  static PublicKey assertOneKey(LogNet net, List<Integer> members) {
    PublicKey key = null;
    List<PartialSignature> partials = new ArrayList<>();
    for (int i : members) {
      DkgResult r =
          net.runs.get(i).confirmed().orElseThrow(() -> new AssertionError("unconfirmed"));
      key = key == null ? r.output().groupKey() : key;
      assertThat(r.output().groupKey()).isEqualTo(key);
      assertThat(r.share().publicKey()).isEqualTo(r.output().sharePublicKey(i));
      partials.add(ThresholdSigner.partialSign(r.share(), DIGEST));
    }
    DkgResult first = net.runs.get(members.get(0)).confirmed().orElseThrow();
    ThresholdVerifier v =
        ThresholdVerifier.checked(key, first.output().memberSet(net.config).orThrow()).orThrow();
    var cert = v.combine(DIGEST, partials.subList(0, net.config.t())).orThrow();
    assertThat(Bls.verify(key, DIGEST, cert.signature())).isTrue();
    // An outsider replaying the log reaches the same outcome.
    DkgLog observer = net.observe();
    assertThat(observer.phase()).isEqualTo(Phase.CONFIRMED);
    assertThat(observer.output().orElseThrow()).isEqualTo(first.output());
    return key;
  }

  @Test
  void fourMembersAgreeThroughDoneVotesAndConfirmations() {
    LogNet net = new LogNet(4, 3, RND);
    for (int i = 1; i <= 4; i++) {
      net.start(i);
    }
    net.pump();
    assertOneKey(net, List.of(1, 2, 3, 4));
    DkgLog log = net.runs.get(1).log();
    assertThat(log.transcript().deals()).hasSize(4);
    assertThat(log.confirmedBy()).hasSizeGreaterThanOrEqualTo(3);
    assertThat(log.roundClosedAt()).containsOnlyKeys(1, 2, 3);
    // Every member's fold of the log is the same.
    for (int i = 2; i <= 4; i++) {
      assertThat(net.runs.get(i).log().transcriptHash()).isEqualTo(log.transcriptHash());
    }
  }

  @Test
  void theKeyIsNotUsableBeforeTMatchingConfirmations() {
    LogNet net = new LogNet(4, 3, RND);
    net.hold = (sender, record) -> record[0] == DkgCodec.CONFIRMATION;
    for (int i = 1; i <= 4; i++) {
      net.start(i);
    }
    net.pump();
    for (int i = 1; i <= 4; i++) {
      assertThat(net.runs.get(i).phase()).isEqualTo(Phase.CONFIRMATION);
      assertThat(net.runs.get(i).confirmed()).isEmpty();
    }
    // Member 4 confirms something else: its confirmation never counts.
    net.hold = (sender, record) -> false;
    byte[] lie =
        net.signedBy(
            4,
            new Confirmation(
                net.config.sessionId(), 4, Keccak.hash("other".getBytes()), new byte[0]));
    net.log.add(lie);
    List<byte[]> confirmations = new ArrayList<>(net.held);
    net.held.clear();
    for (int c = 0; c < confirmations.size(); c++) {
      if (DkgCodec.decode(net.config, confirmations.get(c)).orThrow().sender() == 4) {
        continue; // its honest confirmation is lost (it already sent the lie)
      }
      net.log.add(confirmations.get(c));
      net.pump();
      boolean enough = net.runs.get(1).log().confirmedBy().size() >= 3;
      assertThat(net.runs.get(1).confirmed().isPresent()).isEqualTo(enough);
    }
    assertThat(net.runs.get(1).log().dissenters()).containsExactly(4);
    assertOneKey(net, List.of(1, 2, 3));
  }

  @Test
  void aByzantineMinorityCannotCloseARoundEarly() {
    LogNet net = new LogNet(7, 5, RND);
    // Members 6 and 7 are byzantine: they vote "timed out" (and "done") for the deal round at once.
    // Member 5 is slow: its deal reaches the log late.
    net.hold = (sender, record) -> sender == 5;
    for (int i = 1; i <= 7; i++) {
      net.start(i);
    }
    for (int b = 6; b <= 7; b++) {
      net.log.add(net.signedBy(b, new RoundEnd(net.config.sessionId(), b, 1, true, new byte[0])));
    }
    net.pump();
    // Members 1-4, 6, 7 are done and two voted "timed out": the round stays open.
    for (int i = 1; i <= 7; i++) {
      assertThat(net.runs.get(i).phase()).isEqualTo(Phase.DEAL);
    }
    // Even honest members 1 and 2 timing out leaves 4 < t = 5 time-outs.
    net.timeout(1);
    net.timeout(2);
    net.pump();
    assertThat(net.runs.get(1).phase()).isEqualTo(Phase.DEAL);
    net.hold = (sender, record) -> false;
    net.release();
    net.pump();
    assertOneKey(net, List.of(1, 2, 3, 4, 5, 6, 7));
    assertThat(net.runs.get(1).log().output().orElseThrow().qualified()).contains(5);
  }

  @Test
  void honestTimeOutsCloseEveryRoundWhenAMemberIsDown() {
    LogNet net = new LogNet(4, 3, RND);
    for (int i = 1; i <= 3; i++) {
      net.start(i); // member 4 never starts
    }
    net.pump();
    for (Phase round : List.of(Phase.DEAL, Phase.COMPLAINT, Phase.JUSTIFICATION)) {
      assertThat(net.runs.get(1).phase()).isEqualTo(round);
      for (int i = 1; i <= 3; i++) {
        net.timeout(i);
        net.timeout(i); // a second deadline in the same round sends nothing more
      }
      net.pump();
    }
    assertOneKey(net, List.of(1, 2, 3));
    assertThat(net.runs.get(1).log().output().orElseThrow().qualified())
        .containsExactlyInAnyOrder(1, 2, 3);
  }

  @Test
  void ownComplaintThatTheLogDelaysPastTheRoundEndForksNobody() {
    LogNet net = new LogNet(4, 3, RND);
    // Dealer 3 sends member 1 a bad share; Kafka then delays everything member 1 sends.
    for (int i = 1; i <= 4; i++) {
      if (i == 3) {
        DkgRun run = DkgRun.start(net.config, 3, net.identities.get(2), net.seeds.get(3));
        net.runs.put(3, run);
        net.cursor.put(3, 0);
        for (byte[] r : run.outbox()) {
          DkgMessage m = DkgCodec.decode(net.config, r).orThrow();
          net.log.add(m instanceof Deal d ? DkgCodec.encode(badShareFor(net, d, 1)) : r);
        }
      } else {
        net.start(i);
      }
    }
    // Kafka delays member 1's complaint and its votes from the complaint round on.
    net.hold =
        (sender, record) -> sender == 1 && (record[0] == DkgCodec.COMPLAINT || isVote(record, 2));
    net.pump(); // the deal round closes (all done); member 1 complains
    assertThat(net.runs.get(1).phase()).isEqualTo(Phase.COMPLAINT);
    assertThat(net.held).hasSize(2);
    for (int i = 2; i <= 4; i++) {
      net.timeout(i); // the others' deadlines pass: t = 3 time-outs close the complaint round
    }
    net.pump();
    assertThat(net.runs.get(2).phase()).isEqualTo(Phase.CONFIRMED);
    net.release(); // member 1's complaint and vote arrive too late and count for no one
    net.hold = (sender, record) -> false;
    net.pump();
    assertThat(net.runs.get(2).log().transcript().complaints()).isEmpty();
    // One key; dealer 3 stays qualified for everyone, member 1 included: it just has no share.
    assertOneKey(net, List.of(2, 3, 4));
    assertThat(net.runs.get(1).log().output()).isEqualTo(net.runs.get(2).log().output());
    assertThat(net.runs.get(1).confirmed()).isEmpty();
    assertThat(net.runs.get(1).ownFailure()).get().asString().contains("dealer 3");
  }

  static Deal badShareFor(LogNet net, Deal d, int victim) {
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
  void aMemberWithABadShareComplainsAndTheDealerIsDisqualified() {
    LogNet net = new LogNet(4, 3, RND);
    // Member 4 is byzantine: a bad share for member 2, no justification, but it votes "done".
    net.runs.put(4, DkgRun.start(net.config, 4, net.identities.get(3), net.seeds.get(4)));
    for (byte[] r : net.runs.get(4).outbox()) {
      DkgMessage m = DkgCodec.decode(net.config, r).orThrow();
      net.log.add(m instanceof Deal d ? DkgCodec.encode(badShareFor(net, d, 2)) : r);
    }
    net.runs.remove(4);
    for (int i = 1; i <= 3; i++) {
      net.start(i);
    }
    net.pump();
    for (int round = 2; round <= 3; round++) {
      net.log.add(
          net.signedBy(4, new RoundEnd(net.config.sessionId(), 4, round, false, new byte[0])));
      net.pump();
    }
    assertThat(net.runs.get(1).log().transcript().complaints())
        .singleElement()
        .satisfies(c -> assertThat(((Complaint) c).dealer()).isEqualTo(4));
    assertOneKey(net, List.of(1, 2, 3));
    assertThat(net.runs.get(1).log().output().orElseThrow().qualified())
        .containsExactlyInAnyOrder(1, 2, 3);
  }

  static boolean isVote(byte[] record, int round) {
    return record[0] == DkgCodec.ROUND_END && record[37] == round;
  }

  @Test
  void aRestartedMemberRebuildsTheSameRecordsAndEndsWithOneShare() {
    LogNet net = new LogNet(4, 3, RND);
    // Member 2 crashes in the complaint round, before its "done" vote for it leaves the process.
    net.hold = (sender, record) -> sender == 2 && isVote(record, 2);
    for (int i = 1; i <= 4; i++) {
      net.start(i);
    }
    byte[] dealBefore = net.log.get(2);
    net.pump();
    assertThat(net.runs.get(1).phase()).isEqualTo(Phase.COMPLAINT);
    byte[] lostVote = net.held.get(0);
    net.held.clear();
    net.hold = (sender, record) -> false;
    int stored = net.cursor.get(2);
    net.runs.remove(2);

    // Restart from the recorded seed: the same deal, byte for byte; replay what was stored.
    DkgRun again = DkgRun.start(net.config, 2, net.identities.get(1), net.seeds.get(2));
    assertThat(again.outbox().get(0)).isEqualTo(dealBefore);
    for (int at = 0; at < stored; at++) {
      again.onRecord(net.log.get(at));
    }
    assertThat(again.phase()).isEqualTo(Phase.COMPLAINT);
    // What it had not seen come back is exactly the vote it lost, rebuilt identically.
    assertThat(again.outbox()).singleElement().isEqualTo(lostVote);
    net.runs.put(2, again);
    net.cursor.put(2, stored);
    net.publish(2, again.outbox());
    net.pump();
    assertOneKey(net, List.of(1, 2, 3, 4));
    // Dealer 2 dealt once: one deal from it, and it stayed qualified.
    DkgLog log = net.runs.get(1).log();
    assertThat(log.transcript().deals().stream().filter(d -> d.dealer() == 2)).hasSize(1);
    assertThat(log.output().orElseThrow().qualified()).contains(2);
  }

  @Test
  void aLostSeedMakesASecondDealThatDisqualifiesTheDealerButGivesNoSecondShare() {
    LogNet net = new LogNet(4, 3, RND);
    net.hold = (sender, record) -> sender == 2 && record[0] == DkgCodec.ROUND_END;
    for (int i = 1; i <= 4; i++) {
      net.start(i);
    }
    net.runs.remove(2);
    net.held.clear();
    net.hold = (sender, record) -> false;
    net.seeds.put(2, LocalDkg.seed(RND)); // its record of the first seed was lost
    net.start(2);
    net.pump();
    DkgLog log = net.runs.get(1).log();
    assertThat(log.transcript().deals().stream().filter(d -> d.dealer() == 2)).hasSize(2);
    assertThat(log.output().orElseThrow().qualified()).containsExactlyInAnyOrder(1, 3, 4);
    PublicKey key = assertOneKey(net, List.of(1, 2, 3, 4));
    assertThat(net.runs.get(2).confirmed().orElseThrow().output().groupKey()).isEqualTo(key);
  }

  @Test
  void junkOnTheLogIsRejectedAndChangesNothing() {
    LogNet net = new LogNet(4, 3, RND);
    for (int i = 1; i <= 4; i++) {
      net.start(i);
    }
    byte[] deal1 = net.log.get(0);
    byte[] garbage = new byte[500];
    RND.nextBytes(garbage);
    byte[] truncated = Arrays.copyOf(deal1, deal1.length - 10);
    byte[] oversized = Arrays.copyOf(deal1, DkgCodec.maxLength(net.config) + 1);
    byte[] foreign = deal1.clone();
    foreign[5] ^= 1; // another session id
    // Member 3 signs a complaint in member 2's name: the sender field says 2.
    DkgMessage.Complaint c = new Complaint(net.config.sessionId(), 2, 1, new byte[0]);
    byte[] forged = DkgCodec.encode(c.signed(net.identities.get(2)));
    List<byte[]> junk = List.of(garbage, truncated, oversized, foreign, forged, new byte[0]);
    List<byte[]> honest = new ArrayList<>(net.log);
    net.log.clear();
    for (byte[] r : honest) {
      net.log.addAll(junk);
      net.log.add(r);
      net.log.add(r.clone()); // replayed
    }
    net.pump();
    assertOneKey(net, List.of(1, 2, 3, 4));
    DkgLog observer = new DkgLog(net.config);
    Set<String> outcomes = new HashSet<>();
    for (byte[] r : junk) {
      DkgLog.Step s = observer.append(r);
      assertThat(s).isInstanceOf(DkgLog.Step.Rejected.class);
      outcomes.add(((DkgLog.Step.Rejected) s).reason().name());
    }
    assertThat(outcomes)
        .containsExactlyInAnyOrder("MALFORMED", "BAD_LENGTH", "BAD_MESSAGE", "BAD_SIGNATURE");
    assertThat(observer.append(deal1)).isInstanceOf(DkgLog.Step.Accepted.class);
    assertThat(observer.append(deal1)).isInstanceOf(DkgLog.Step.Ignored.class);
    // Replays of the whole honest log leave the outcome where it is.
    net.log.addAll(honest);
    net.pump();
    assertOneKey(net, List.of(1, 2, 3, 4));
  }

  @Test
  void votesAndConfirmationsOutsideTheirRoundAreIgnored() {
    LogNet net = new LogNet(4, 3, RND);
    // Votes for round 2 during round 1 and an early confirmation count for nothing.
    for (int b = 1; b <= 4; b++) {
      net.log.add(net.signedBy(b, new RoundEnd(net.config.sessionId(), b, 2, true, new byte[0])));
    }
    net.log.add(
        net.signedBy(4, new Confirmation(net.config.sessionId(), 4, Bytes32.ZERO, new byte[0])));
    for (int i = 1; i <= 4; i++) {
      net.start(i);
    }
    net.pump();
    assertOneKey(net, List.of(1, 2, 3, 4));
    assertThat(net.runs.get(1).log().votes(2, true)).isEmpty();
  }

  @Test
  void aDealerFloodingDealsIsDisqualifiedAndOnlyTwoOfThemAreKept() {
    LogNet net = new LogNet(4, 3, RND);
    // Member 4 publishes ten different, validly signed deals (fresh seeds), then behaves.
    for (int k = 0; k < 10; k++) {
      net.log.add(
          DkgRun.start(net.config, 4, net.identities.get(3), LocalDkg.seed(RND)).outbox().get(0));
    }
    for (int i = 1; i <= 4; i++) {
      net.start(i);
    }
    net.pump();
    DkgLog log = net.runs.get(1).log();
    assertThat(log.transcript().deals().stream().filter(d -> d.dealer() == 4)).hasSize(2);
    assertThat(log.output().orElseThrow().qualified()).containsExactlyInAnyOrder(1, 2, 3);
    assertOneKey(net, List.of(1, 2, 3, 4));
  }
}
