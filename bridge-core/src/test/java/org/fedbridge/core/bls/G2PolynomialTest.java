package org.fedbridge.core.bls;

import static org.assertj.core.api.Assertions.assertThat;
import static org.fedbridge.core.testing.Gens.intRange;
import static org.quicktheories.QuickTheory.qt;

import java.math.BigInteger;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import supranational.blst.P2;

class G2PolynomialTest {
  static final SecureRandom RND = new SecureRandom();

  /** Horner in G2 equals f(x)·G2 computed over the scalars. */
  @Test
  void evaluationInTheExponentMatchesScalarEvaluation() {
    qt().withExamples(30)
        .forAll(intRange(1, 12), intRange(1, 1000))
        .checkAssert(G2PolynomialTest::evaluationMatches);
  }

  private static void evaluationMatches(int t, int x) {
    List<PublicKey> commitments = new ArrayList<>();
    BigInteger fx = BigInteger.ZERO;
    BigInteger power = BigInteger.ONE;
    for (int k = 0; k < t; k++) {
      try (SecretKey a = SecretKey.random(RND)) {
        commitments.add(a.publicKey());
        fx = fx.add(a.toScalar().multiply(power)).mod(Fields.R);
      }
      power = power.multiply(BigInteger.valueOf(x)).mod(Fields.R);
    }
    try (SecretKey f = SecretKey.fromScalar(fx).orThrow()) {
      assertThat(G2Polynomial.evaluate(commitments, x).is_equal(f.publicKey().toP2())).isTrue();
    }
  }

  @Test
  void timesSmallEqualsBlstMultiplication() {
    qt().withExamples(30)
        .forAll(intRange(1, 5000))
        .checkAssert(
            x -> {
              P2 p = P2.generator().mult(BigInteger.valueOf(RND.nextInt(1 << 30) + 1));
              assertThat(
                      G2Polynomial.timesSmall(p.dup(), x)
                          .is_equal(p.dup().mult(BigInteger.valueOf(x))))
                  .isTrue();
            });
  }
}
