package org.fedbridge.validator.consensus;

import static org.assertj.core.api.Assertions.assertThat;

import java.security.SecureRandom;
import java.time.Instant;
import java.util.List;
import org.fedbridge.core.bls.Bls;
import org.fedbridge.core.bls.SecretKey;
import org.fedbridge.core.dkg.IdentityKey;
import org.fedbridge.core.dkg.IdentityPublicKey;
import org.fedbridge.core.message.MessageType;
import org.fedbridge.core.threshold.PartialSignature;
import org.fedbridge.core.threshold.ThresholdSigner;
import org.fedbridge.core.types.Bytes32;
import org.fedbridge.core.types.Keccak;
import org.fedbridge.core.types.Rejection;
import org.fedbridge.core.types.Result;
import org.fedbridge.core.types.UInt256;
import org.junit.jupiter.api.Test;

/** The combiner alone (no I/O): results, blame and the pairings it spends. */
class CombinerTest {
  private static final SecureRandom RND = new SecureRandom();
  private static final TestFederation FED = new TestFederation(0, 19, "op-", RND); // t = 13
  private static final Bytes32 DIGEST = Keccak.hash(new byte[] {1, 2, 3});
  private static final BatchKey KEY = new BatchKey(MessageType.DEPOSIT_BATCH, UInt256.ONE, 0);

  /** A candidate whose point is given directly (what the wire adapter would decompress). */
  private static Candidate candidate(int index, Result<PartialSignature> point) {
    PartialEnvelope e =
        new PartialEnvelope() {
          @Override
          public BatchKey key() {
            return KEY;
          }

          @Override
          public Bytes32 digest() {
            return DIGEST;
          }

          @Override
          public int index() {
            return index;
          }

          @Override
          public byte[] raw() {
            return new byte[] {(byte) index};
          }

          @Override
          public boolean authenticate(IdentityPublicKey key) {
            return true;
          }

          @Override
          public List<IdentityPublicKey> possibleSigners() {
            return List.of();
          }

          @Override
          public Result<PartialSignature> partial() {
            return point;
          }
        };
    return new Candidate(e, Instant.EPOCH, Candidate.Verdict.UNVERIFIED);
  }

  private static Result<PartialSignature> honest(int index) {
    return Result.ok(ThresholdSigner.partialSign(FED.shares.get(index - 1), DIGEST));
  }

  private static Result<PartialSignature> wrong(int index) {
    return Result.ok(new PartialSignature(index, Bls.sign(SecretKey.random(RND), DIGEST)));
  }

  private static BatchEntry entry(Candidate... cs) {
    BatchEntry e = new BatchEntry(KEY);
    for (Candidate c : cs) {
      e.add(c);
    }
    return e;
  }

  private static Candidate[] honestFrom(int from, int to) {
    Candidate[] out = new Candidate[to - from + 1];
    for (int i = from; i <= to; i++) {
      out[i - from] = candidate(i, honest(i));
    }
    return out;
  }

  @Test
  void tHonestCandidatesCostOnePairing() {
    Combiner.Attempt a = Combiner.attempt(FED.verifier, DIGEST, entry(honestFrom(1, 13)));
    assertThat(a.outcome()).isInstanceOf(Combiner.Outcome.Certified.class);
    assertThat(a.pairings()).isEqualTo(1);
    var sig = ((Combiner.Outcome.Certified) a.outcome()).signature();
    assertThat(FED.verifier.verify(DIGEST, sig)).isTrue();
  }

  @Test
  void fewerThanTNeverCombineAndCostNothing() {
    Combiner.Attempt a = Combiner.attempt(FED.verifier, DIGEST, entry(honestFrom(1, 12)));
    assertThat(a.outcome()).isEqualTo(new Combiner.Outcome.Waiting(12, 13));
    assertThat(a.pairings()).isZero();
  }

  @Test
  void badPartialIsBlamedAndNeverCheckedTwiceExploit() {
    Candidate bad = candidate(1, wrong(1));
    BatchEntry e = entry(honestFrom(2, 13));
    e.add(bad);
    Combiner.Attempt first = Combiner.attempt(FED.verifier, DIGEST, e);
    // optimistic (1) + one batch check that names the bad partial (2-3 pairing products), not 13
    assertThat(first.outcome()).isEqualTo(new Combiner.Outcome.Waiting(12, 13));
    assertThat(first.blamed()).containsExactly(new Combiner.Blame(1, PartialRejection.BAD_PARTIAL));
    assertThat(first.pairings()).isBetween(2, 4);
    // A 13th honest partial arrives: only it is checked, then the result once.
    e.add(candidate(14, honest(14)));
    Combiner.Attempt second = Combiner.attempt(FED.verifier, DIGEST, e);
    assertThat(second.outcome()).isInstanceOf(Combiner.Outcome.Certified.class);
    assertThat(((Combiner.Outcome.Certified) second.outcome()).signers()).doesNotContain(1);
    assertThat(second.pairings()).isEqualTo(2);
    assertThat(second.blamed()).isEmpty();
    // Nothing new: the known-good set combines with one pairing, the bad one is never checked
    // again.
    Combiner.Attempt third = Combiner.attempt(FED.verifier, DIGEST, e);
    assertThat(third.pairings()).isEqualTo(1);
    assertThat(third.blamed()).isEmpty();
  }

  @Test
  void severalBadPartialsAreAllNamedInOneAttempt() {
    BatchEntry e = entry(honestFrom(4, 19));
    for (int i = 1; i <= 3; i++) {
      e.add(candidate(i, wrong(i)));
    }
    Combiner.Attempt a = Combiner.attempt(FED.verifier, DIGEST, e);
    assertThat(a.outcome()).isInstanceOf(Combiner.Outcome.Certified.class);
    assertThat(a.blamed())
        .containsExactlyInAnyOrder(
            new Combiner.Blame(1, PartialRejection.BAD_PARTIAL),
            new Combiner.Blame(2, PartialRejection.BAD_PARTIAL),
            new Combiner.Blame(3, PartialRejection.BAD_PARTIAL));
    // far fewer than the 19 single verifications of the old slow path
    assertThat(a.pairings()).isLessThan(19);
  }

  @Test
  void undecodablePointIsBlamedWithoutAPairingExploit() {
    BatchEntry e = entry(honestFrom(2, 13));
    e.add(candidate(1, Result.err(Rejection.NOT_IN_SUBGROUP, "junk")));
    Combiner.Attempt a = Combiner.attempt(FED.verifier, DIGEST, e);
    assertThat(a.blamed()).containsExactly(new Combiner.Blame(1, PartialRejection.BAD_POINT));
    assertThat(a.pairings()).isZero();
    assertThat(a.outcome()).isEqualTo(new Combiner.Outcome.Waiting(12, 13));
  }

  @Test
  void aPointUnderAnotherIndexThanItsRecordIsBlamed() {
    BatchEntry e = entry(honestFrom(2, 14));
    e.add(candidate(1, honest(15))); // member 15's partial inside member 1's record
    Combiner.Attempt a = Combiner.attempt(FED.verifier, DIGEST, e);
    assertThat(a.blamed()).containsExactly(new Combiner.Blame(1, PartialRejection.BAD_POINT));
    assertThat(a.outcome()).isInstanceOf(Combiner.Outcome.Certified.class);
  }

  @Test
  void recoveryNamesTheKeyThatSigned() {
    IdentityKey key = IdentityKey.random(RND);
    Bytes32 hash = Keccak.hash(new byte[] {9});
    assertThat(IdentityRecovery.candidates(hash, key.sign(hash))).contains(key.publicKey());
    assertThat(IdentityRecovery.candidates(hash, new byte[64])).isEmpty();
    assertThat(IdentityRecovery.candidates(hash, new byte[3])).isEmpty();
  }
}
