package org.fedbridge.core.threshold;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.longs;

import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import org.fedbridge.core.bls.Bls;
import org.fedbridge.core.types.Bytes32;
import org.fedbridge.core.types.Keccak;
import org.fedbridge.core.types.Rejection;
import org.junit.jupiter.api.Test;

/**
 * Batch verification (random linear combination, single-error locator, bisection) sorts partials
 * exactly as verifying them one by one would, and the slow combine path names every bad partial it
 * examined.
 */
class BatchVerificationPropertiesTest {
  static final SecureRandom RND = new SecureRandom();

  static Bytes32 digest(long seed) {
    return Keccak.hash(("batch " + seed).getBytes());
  }

  /** Every member signs {@code d}, except those in {@code bad}, who sign another digest. */
  static List<PartialSignature> partials(Fixtures f, int n, Set<Integer> bad, Bytes32 d) {
    List<PartialSignature> out = new ArrayList<>();
    for (int i = 1; i <= n; i++) {
      Bytes32 what = bad.contains(i) ? Keccak.hash(d.bytes()) : d;
      out.add(ThresholdSigner.partialSign(f.shares().get(i - 1), what));
    }
    return out;
  }

  /** {@code k} of the members 1..n, chosen by {@code seed}. */
  static Set<Integer> members(int n, int k, long seed) {
    List<Integer> all = new ArrayList<>();
    for (int i = 1; i <= n; i++) {
      all.add(i);
    }
    Collections.shuffle(all, new Random(seed));
    return new TreeSet<>(all.subList(0, Math.min(k, n)));
  }

  @Test
  void verifyPartialsSortsExactlyAsOneByOne() {
    qt().withExamples(40)
        .forAll(integers().between(1, 12), integers().between(0, 12), longs().all())
        .checkAssert(
            (n, k, seed) -> {
              Fixtures f = Fixtures.deal(ThresholdPolicy.minimumThreshold(n), n, RND);
              Bytes32 d = digest(seed);
              Set<Integer> bad = members(n, k, seed);
              List<PartialSignature> ps = partials(f, n, bad, d);
              PartialVerdicts v = f.verifier().verifyPartials(d, ps);
              for (PartialSignature p : ps) {
                boolean one = f.verifier().verifyPartial(d, p);
                assertThat(one).isEqualTo(!bad.contains(p.index()));
                assertThat(one ? v.valid() : v.invalid()).contains(p);
              }
              assertThat(v.valid().size() + v.invalid().size()).isEqualTo(n);
              if (bad.isEmpty()) {
                assertThat(v.pairingChecks()).isEqualTo(1);
              } else if (bad.size() == 1 && n >= 3) {
                // One batch product, one position-weighted product: the locator names it.
                assertThat(v.pairingChecks()).isEqualTo(2);
              }
            });
  }

  @Test
  void slowCombineNamesEveryBadPartialItExamined() {
    qt().withExamples(30)
        .forAll(integers().between(4, 12), integers().between(0, 5), longs().all())
        .checkAssert(
            (n, k, seed) -> {
              int t = ThresholdPolicy.minimumThreshold(n);
              Fixtures f = Fixtures.deal(t, n, RND);
              Bytes32 d = digest(seed);
              Set<Integer> bad = members(n, k, seed);
              var r = f.verifier().combine(d, partials(f, n, bad, d));
              if (n - bad.size() < t) {
                assertThat(r.rejection()).isEqualTo(Rejection.INSUFFICIENT_SHARES);
                return;
              }
              Combined c = r.orThrow();
              assertThat(c.signature()).isEqualTo(Bls.sign(f.groupSecret(), d));
              assertThat(c.signers()).hasSize(t);
              assertThat(c.signers().stream().noneMatch(bad::contains)).isTrue();
              int last = c.signers().get(t - 1);
              Set<Integer> examinedBad = new TreeSet<>();
              bad.stream().filter(b -> b < last).forEach(examinedBad::add);
              assertThat(c.rejected()).isEqualTo(examinedBad);
              boolean optimistic = bad.stream().noneMatch(b -> b <= t);
              assertThat(c.partialChecks() == 0).isEqualTo(optimistic);
            });
  }

  @Test
  void oneBadPartialAmongThoseCombinedCostsThreePairingProducts() {
    // 13 of 19, member 1 signs another digest: the batch check of the 13 tried and the locator's
    // position-weighted product name it (2), the one replacement is checked (1).
    Fixtures f = Fixtures.deal(13, 19, RND);
    Bytes32 d = digest(7);
    Combined c = f.verifier().combine(d, partials(f, 19, Set.of(1), d)).orThrow();
    assertThat(c.rejected()).containsExactly(1);
    assertThat(c.signers()).containsExactly(2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14);
    assertThat(c.partialChecks()).isEqualTo(3);
    assertThat(c.signature()).isEqualTo(Bls.sign(f.groupSecret(), d));
  }
}
