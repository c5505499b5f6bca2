package org.fedbridge.core.bench;

import java.math.BigInteger;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.fedbridge.core.bls.SecretKey;
import org.fedbridge.core.threshold.Combined;
import org.fedbridge.core.threshold.Lagrange;
import org.fedbridge.core.threshold.Member;
import org.fedbridge.core.threshold.MemberSet;
import org.fedbridge.core.threshold.PartialSignature;
import org.fedbridge.core.threshold.PartialVerdicts;
import org.fedbridge.core.threshold.SecretShare;
import org.fedbridge.core.threshold.Shamir;
import org.fedbridge.core.threshold.ThresholdPolicy;
import org.fedbridge.core.threshold.ThresholdSigner;
import org.fedbridge.core.threshold.ThresholdVerifier;
import org.fedbridge.core.types.Bytes32;
import org.fedbridge.core.types.Keccak;
import org.fedbridge.core.types.Result;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Optimistic combine + verify of a t-of-n certificate (the validator's hot path), and its parts.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class ThresholdBench {
  @Param({"67/100", "13/19"})
  public String tOfN;

  ThresholdVerifier verifier;
  List<PartialSignature> partials;
  List<PartialSignature> withOneBad;

  /** The t partials of the optimistic set with the first one bad (what the slow path checks). */
  List<PartialSignature> firstTWithOneBad;

  int[] indexes;
  Bytes32 digest;

  @Setup
  public void setup() {
    String[] p = tOfN.split("/");
    int t = Integer.parseInt(p[0]);
    int n = Integer.parseInt(p[1]);
    SecureRandom rnd = new SecureRandom();
    SecretKey group = SecretKey.random(rnd);
    List<SecretShare> shares = Shamir.split(group, new ThresholdPolicy(t, n), rnd);
    List<Member> members = new ArrayList<>();
    for (SecretShare s : shares) {
      members.add(new Member(s.index(), "operator-" + s.index(), s.publicKey()));
    }
    verifier = new ThresholdVerifier(group.publicKey(), MemberSet.of(members, t).orThrow());
    digest = Keccak.hash("bench".getBytes());
    partials = new ArrayList<>();
    // The last t members sign: a realistic non-prefix signer set.
    for (SecretShare s : shares.subList(n - t, n)) {
      partials.add(ThresholdSigner.partialSign(s, digest));
    }
    indexes = partials.stream().mapToInt(PartialSignature::index).toArray();
    // Slow path: the first signer's partial is for another digest; all n partials offered.
    withOneBad = new ArrayList<>();
    Bytes32 other = Keccak.hash("other".getBytes());
    for (SecretShare s : shares) {
      withOneBad.add(ThresholdSigner.partialSign(s, s.index() == 1 ? other : digest));
    }
    firstTWithOneBad = new ArrayList<>(withOneBad.subList(0, t));
  }

  /**
   * Slow path: one bad partial among the first t; the failed combination, a batch check of those t
   * (locator finds the bad one), one replacement checked, a second combination and verification.
   */
  @Benchmark
  public Result<Combined> combineWithOneBadPartial() {
    return verifier.combine(digest, withOneBad);
  }

  /** Batch verification of t partials, all valid: one random linear combination check. */
  @Benchmark
  public PartialVerdicts batchVerifyAllValid() {
    return verifier.verifyPartials(digest, partials);
  }

  /** Batch verification of t partials with one bad: batch check plus the single-error locator. */
  @Benchmark
  public PartialVerdicts batchVerifyOneBad() {
    return verifier.verifyPartials(digest, firstTWithOneBad);
  }

  /** What a validator does with t partials: combine, verify once (coefficients cached). */
  @Benchmark
  public Result<Combined> combineAndVerify() {
    return verifier.combine(digest, partials);
  }

  /** Interpolation only (cached coefficients), no verification. */
  @Benchmark
  public Object interpolate() {
    return ThresholdVerifier.interpolate(partials);
  }

  /** Lagrange coefficients without the cache: batch inversion over BigInteger. */
  @Benchmark
  public BigInteger[] lagrangeUncached() {
    return Lagrange.compute(indexes);
  }
}
