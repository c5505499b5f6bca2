package org.fedbridge.core.threshold;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.fedbridge.core.bls.Bls;
import org.fedbridge.core.bls.PublicKey;
import org.fedbridge.core.bls.SameMessageBatch;
import org.fedbridge.core.bls.Signature;
import org.fedbridge.core.types.Bytes32;
import org.fedbridge.core.types.Rejection;
import org.fedbridge.core.types.Result;
import supranational.blst.P1;
import supranational.blst.P2;

/**
 * Verifies partial signatures and combines them into the group signature for one epoch's {@link
 * MemberSet} and group key. Thread-safe (immutable).
 *
 * <p>Combination is optimistic: combine the first {@code t} distinct partials, verify the result
 * once against the group key; only if that fails, batch-check those partials ({@link
 * #verifyPartials}: a random linear combination, then a single-error locator or bisection), replace
 * the bad ones by other candidates (batch-checked too) and combine again from valid ones. The
 * output is always verified against the group key, so a partial signature (or any other point) can
 * never be returned as the group signature.
 */
public final class ThresholdVerifier {
  private final PublicKey groupKey;
  private final MemberSet members;

  public ThresholdVerifier(PublicKey groupKey, MemberSet members) {
    this.groupKey = groupKey;
    this.members = members;
  }

  /**
   * Builds a verifier after checking that the group key and every share key lie on one polynomial
   * of degree {@code t-1} (interpolating the first {@code t} share keys gives the group key at 0
   * and every other member's key at its index). A set that fails this could never produce a
   * certificate, or would let shares outside the polynomial count; run it once per epoch, e.g. when
   * an {@code EpochChange} is received. Costs about {@code (n-t+1)·t} G2 multiplications.
   *
   * @return the verifier, or {@link Rejection#MALFORMED}
   */
  public static Result<ThresholdVerifier> checked(PublicKey groupKey, MemberSet members) {
    int t = members.threshold();
    int[] base = new int[t];
    for (int i = 0; i < t; i++) {
      base[i] = i + 1;
    }
    for (int x = 0; x <= members.size(); x++) {
      if (x >= 1 && x <= t) {
        continue;
      }
      BigInteger[] lambda = Lagrange.at(x, base);
      P2 acc = new P2();
      for (int i = 0; i < t; i++) {
        acc.add(members.member(base[i]).sharePk().toP2().mult(lambda[i]));
      }
      PublicKey expected = x == 0 ? groupKey : members.member(x).sharePk();
      // SECURITY: every key of the epoch must come from the same degree t-1 polynomial.
      if (!acc.is_equal(expected.toP2())) {
        return Result.err(
            Rejection.MALFORMED,
            x == 0
                ? "group key is not the interpolation of the share keys"
                : "share key " + x + " is off the polynomial");
      }
    }
    return Result.ok(new ThresholdVerifier(groupKey, members));
  }

  public PublicKey groupKey() {
    return groupKey;
  }

  public MemberSet members() {
    return members;
  }

  /** Verifies the group signature (a certificate) over {@code digest}. */
  public boolean verify(Bytes32 digest, Signature signature) {
    return Bls.verify(groupKey, digest, signature);
  }

  /** Verifies one partial against its member's share key; false for unknown indexes. */
  public boolean verifyPartial(Bytes32 digest, PartialSignature partial) {
    if (partial.index() > members.size()) {
      return false;
    }
    return Bls.verify(members.member(partial.index()).sharePk(), digest, partial.signature());
  }

  /**
   * Combines partials into the verified group signature.
   *
   * @return the combined certificate, or {@link Rejection#INSUFFICIENT_SHARES} when fewer than
   *     {@code t} distinct members gave valid partials
   */
  public Result<Combined> combine(Bytes32 digest, Collection<PartialSignature> partials) {
    int t = members.threshold();
    // Candidates per index, in arrival order; unknown indexes are ignored.
    Map<Integer, List<PartialSignature>> byIndex = new TreeMap<>();
    for (PartialSignature p : partials) {
      if (p.index() >= 1 && p.index() <= members.size()) {
        byIndex.computeIfAbsent(p.index(), k -> new ArrayList<>()).add(p);
      }
    }
    // SECURITY: t distinct members, one vote each (threats.md rows 8 and 10).
    if (byIndex.size() < t) {
      return Result.err(
          Rejection.INSUFFICIENT_SHARES, byIndex.size() + " distinct signers, need " + t);
    }
    Map<Integer, PartialSignature> first = new LinkedHashMap<>();
    for (var e : byIndex.entrySet()) {
      if (first.size() == t) {
        break;
      }
      first.put(e.getKey(), e.getValue().get(0));
    }
    Result<Signature> optimistic = interpolate(new ArrayList<>(first.values()));
    if (optimistic.isOk() && verify(digest, optimistic.orThrow())) {
      return Result.ok(
          new Combined(optimistic.orThrow(), List.copyOf(first.keySet()), Set.of(), 0));
    }
    // Slow path: batch-check the t partials just tried (one random linear combination, then the
    // single-error locator or bisection), then fill up from the other candidates in index order,
    // batch-checking each round, until t are valid or none are left.
    Map<Integer, PartialSignature> good = new TreeMap<>();
    Map<Integer, Integer> tried = new HashMap<>();
    List<PartialSignature> round = new ArrayList<>(first.values());
    int checks = 0;
    while (!round.isEmpty()) {
      PartialVerdicts v = verifyPartials(digest, round);
      checks += v.pairingChecks();
      round.forEach(p -> tried.merge(p.index(), 1, Integer::sum));
      v.valid().forEach(p -> good.putIfAbsent(p.index(), p));
      round = nextCandidates(byIndex, good, tried, t - good.size());
    }
    Set<Integer> rejected = new TreeSet<>(tried.keySet());
    rejected.removeAll(good.keySet());
    if (good.size() < t) {
      return Result.err(
          Rejection.INSUFFICIENT_SHARES,
          good.size() + " valid partials, need " + t + "; bad: " + rejected);
    }
    List<PartialSignature> chosen = new ArrayList<>(good.values()).subList(0, t);
    Result<Signature> again = interpolate(chosen);
    // SECURITY: the output is verified against the group key, whatever path produced it.
    if (!again.isOk() || !verify(digest, again.orThrow())) {
      return Result.err(Rejection.BAD_SIGNATURE, "valid partials did not combine: wrong keys?");
    }
    List<Integer> signers = chosen.stream().map(PartialSignature::index).toList();
    return Result.ok(new Combined(again.orThrow(), signers, rejected, checks));
  }

  /**
   * Sorts partials over one digest into valid and invalid with one batch check (random linear
   * combination with 64-bit secret weights; {@link SameMessageBatch}): one pairing product when all
   * are valid, two when one is bad, a bisection when several are. Partials whose index is not a
   * member are invalid without any check. Repeated indexes are allowed (each partial is judged on
   * its own). For a collector that holds partials from the log before combining.
   */
  public PartialVerdicts verifyPartials(Bytes32 digest, Collection<PartialSignature> partials) {
    List<PartialSignature> known = new ArrayList<>();
    List<PartialSignature> invalid = new ArrayList<>();
    for (PartialSignature p : partials) {
      (p.index() <= members.size() ? known : invalid).add(p);
    }
    List<PublicKey> keys = new ArrayList<>(known.size());
    List<Signature> sigs = new ArrayList<>(known.size());
    for (PartialSignature p : known) {
      keys.add(members.member(p.index()).sharePk());
      sigs.add(p.signature());
    }
    SameMessageBatch.Outcome o = SameMessageBatch.check(digest, keys, sigs);
    Set<Integer> bad = new HashSet<>(o.invalid());
    List<PartialSignature> valid = new ArrayList<>();
    for (int i = 0; i < known.size(); i++) {
      (bad.contains(i) ? invalid : valid).add(known.get(i));
    }
    return new PartialVerdicts(valid, invalid, o.pairingChecks());
  }

  /** Up to {@code need} untried candidates, one per index still without a valid partial. */
  private static List<PartialSignature> nextCandidates(
      Map<Integer, List<PartialSignature>> byIndex,
      Map<Integer, PartialSignature> good,
      Map<Integer, Integer> tried,
      int need) {
    List<PartialSignature> out = new ArrayList<>();
    for (var e : byIndex.entrySet()) {
      if (out.size() >= need) {
        break;
      }
      int next = tried.getOrDefault(e.getKey(), 0);
      if (!good.containsKey(e.getKey()) && next < e.getValue().size()) {
        out.add(e.getValue().get(next));
      }
    }
    return out;
  }

  /**
   * Lagrange interpolation at zero in the exponent: {@code Σ λ_i · σ_i}. Does not verify; the
   * partials must have distinct indexes. Public for tests and benchmarks.
   */
  public static Result<Signature> interpolate(List<PartialSignature> partials) {
    int[] idx = partials.stream().mapToInt(PartialSignature::index).toArray();
    return interpolate(partials, Lagrange.atZero(idx));
  }

  /** {@link #interpolate(List)} with coefficients supplied by the caller (same order). */
  public static Result<Signature> interpolate(
      List<PartialSignature> partials, BigInteger[] lambda) {
    int[] idx = partials.stream().mapToInt(PartialSignature::index).toArray();
    if (lambda.length != idx.length) {
      throw new IllegalArgumentException("one coefficient per partial");
    }
    P1 acc = new P1();
    for (int i = 0; i < idx.length; i++) {
      // Lagrange coefficients are public: variable-time multiplication is fine here.
      acc.add(partials.get(i).signature().toP1().mult(lambda[i]));
    }
    return Signature.fromPoint(acc);
  }
}
