package org.fedbridge.core.threshold;

import static org.assertj.core.api.Assertions.assertThat;
import static org.fedbridge.core.testing.Gens.anyLong;
import static org.fedbridge.core.testing.Gens.intRange;
import static org.quicktheories.QuickTheory.qt;

import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.fedbridge.core.bls.Bls;
import org.fedbridge.core.bls.Signature;
import org.fedbridge.core.types.Bytes32;
import org.fedbridge.core.types.Keccak;
import org.fedbridge.core.types.Rejection;
import org.junit.jupiter.api.Test;

class ThresholdPropertiesTest {
  static final SecureRandom RND = new SecureRandom();

  static Bytes32 digest(long seed) {
    return Keccak.hash(Long.toString(seed).getBytes());
  }

  static List<PartialSignature> partials(Fixtures f, List<Integer> who, Bytes32 d) {
    List<PartialSignature> out = new ArrayList<>();
    for (int i : who) {
      out.add(ThresholdSigner.partialSign(f.shares().get(i - 1), d));
    }
    return out;
  }

  static List<Integer> randomSubset(int n, int k, long seed) {
    List<Integer> all = new ArrayList<>();
    for (int i = 1; i <= n; i++) {
      all.add(i);
    }
    Collections.shuffle(all, new Random(seed));
    return all.subList(0, k);
  }

  @Test
  void anyTofNCombineToTheGroupSignature() {
    qt().withExamples(30)
        .forAll(intRange(1, 10), anyLong())
        .checkAssert(ThresholdPropertiesTest::anyTofNCombine);
  }

  private static void anyTofNCombine(int n, long seed) {
    int t =
        ThresholdPolicy.minimumThreshold(n)
            + (int) Math.floorMod(seed, n - ThresholdPolicy.minimumThreshold(n) + 1);
    Fixtures f = Fixtures.deal(t, n, RND);
    Bytes32 d = digest(seed);
    Signature expected = Bls.sign(f.groupSecret(), d);
    List<Integer> a = randomSubset(n, t, seed);
    List<Integer> b = randomSubset(n, t, seed + 1);
    Combined ca = f.verifier().combine(d, partials(f, a, d)).orThrow();
    Combined cb = f.verifier().combine(d, partials(f, b, d)).orThrow();
    assertThat(ca.signature()).isEqualTo(expected).isEqualTo(cb.signature());
    // Optimistic path: one verification of the result, no partial verified on its own.
    assertThat(ca.partialChecks()).isZero();
    assertThat(cb.partialChecks()).isZero();
    assertThat(Bls.verify(f.groupKey(), d, ca.signature())).isTrue();
  }

  @Test
  void anyTMinusOneFail() {
    qt().withExamples(30)
        .forAll(intRange(2, 10), anyLong())
        .checkAssert(ThresholdPropertiesTest::tMinusOneFail);
  }

  private static void tMinusOneFail(int n, long seed) {
    int t = ThresholdPolicy.minimumThreshold(n);
    Fixtures f = Fixtures.deal(t, n, RND);
    Bytes32 d = digest(seed);
    List<PartialSignature> few = partials(f, randomSubset(n, t - 1, seed), d);
    assertThat(f.verifier().combine(d, few).rejection()).isEqualTo(Rejection.INSUFFICIENT_SHARES);
    if (t - 1 >= 1) {
      // Interpolating t-1 points gives a different polynomial's value: never the group signature.
      Signature forged = ThresholdVerifier.interpolate(few).orThrow();
      assertThat(Bls.verify(f.groupKey(), d, forged)).isFalse();
    }
  }

  @Test
  void badPartialsAreDroppedAndOthersUsed() {
    qt().withExamples(20)
        .forAll(intRange(4, 10), anyLong())
        .checkAssert(ThresholdPropertiesTest::badPartialsDropped);
  }

  private static void badPartialsDropped(int n, long seed) {
    int t = ThresholdPolicy.minimumThreshold(n);
    Fixtures f = Fixtures.deal(t, n, RND);
    Bytes32 d = digest(seed);
    List<PartialSignature> all = partials(f, randomSubset(n, n, seed), d);
    // Member 1 is always among the first t, so the optimistic combination fails.
    int badIndex = 1;
    int at = 0;
    while (all.get(at).index() != badIndex) {
      at++;
    }
    all.set(at, ThresholdSigner.partialSign(f.shares().get(badIndex - 1), digest(seed + 99)));
    if (n - 1 >= t) {
      Combined c = f.verifier().combine(d, all).orThrow();
      assertThat(c.signature()).isEqualTo(Bls.sign(f.groupSecret(), d));
      assertThat(c.signers()).doesNotContain(badIndex).hasSize(t);
      assertThat(c.rejected()).containsExactly(badIndex);
      assertThat(c.partialChecks()).isPositive();
    }
  }

  @Test
  void partialSignatureWireFormRoundTripsAndMutationsAreDocumented() {
    qt().withExamples(30)
        .forAll(intRange(0, 51), intRange(1, 255))
        .checkAssert(ThresholdPropertiesTest::wireFormMutations);
  }

  private static void wireFormMutations(int pos, int xor) {
    Fixtures f = Fixtures.deal(3, 4, RND);
    PartialSignature p = ThresholdSigner.partialSign(f.shares().get(2), digest(pos));
    assertThat(PartialSignature.decode(p.encode()).orThrow()).isEqualTo(p);
    byte[] b = p.encode();
    b[pos] ^= (byte) xor;
    var r = PartialSignature.decode(b);
    if (r.isOk()) {
      assertThat(r.orThrow()).isNotEqualTo(p);
      assertThat(f.verifier().verifyPartial(digest(pos), r.orThrow())).isFalse();
    } else {
      assertThat(r.rejection())
          .isIn(
              Rejection.UNKNOWN_MEMBER,
              Rejection.NON_CANONICAL,
              Rejection.NOT_ON_CURVE,
              Rejection.NOT_IN_SUBGROUP,
              Rejection.INFINITY);
    }
    assertThat(f.shares().get(0).toString()).contains("redacted");
  }

  @Test
  void shamirRecoversTheSecretFromAnyT() {
    qt().withExamples(20)
        .forAll(intRange(1, 12), anyLong())
        .checkAssert(ThresholdPropertiesTest::shamirRecovers);
  }

  private static void shamirRecovers(int n, long seed) {
    int t = ThresholdPolicy.minimumThreshold(n);
    Fixtures f = Fixtures.deal(t, n, RND);
    List<SecretShare> some = new ArrayList<>();
    for (int i : randomSubset(n, t, seed)) {
      some.add(f.shares().get(i - 1));
    }
    assertThat(Shamir.recover(some).orThrow().toScalar()).isEqualTo(f.groupSecret().toScalar());
  }

  @Test
  void batchLagrangeEqualsNaiveDefinition() {
    qt().withExamples(50)
        .forAll(intRange(1, 30), anyLong())
        .checkAssert(ThresholdPropertiesTest::batchLagrangeIsNaive);
  }

  private static void batchLagrangeIsNaive(int t, long seed) {
    int[] idx = randomSubset(100, t, seed).stream().mapToInt(Integer::intValue).toArray();
    java.math.BigInteger[] fast = Lagrange.compute(idx);
    for (int i = 0; i < t; i++) {
      java.math.BigInteger l = java.math.BigInteger.ONE;
      for (int j = 0; j < t; j++) {
        if (j != i) {
          java.math.BigInteger num = java.math.BigInteger.valueOf(idx[j]);
          java.math.BigInteger den = java.math.BigInteger.valueOf(idx[j] - idx[i]).mod(Scalars.R);
          l = l.multiply(num).multiply(den.modInverse(Scalars.R)).mod(Scalars.R);
        }
      }
      assertThat(fast[i]).isEqualTo(l);
    }
  }
}
