package org.fedbridge.validator.consensus;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.fedbridge.core.bls.Signature;
import org.fedbridge.core.threshold.PartialSignature;
import org.fedbridge.core.threshold.PartialVerdicts;
import org.fedbridge.core.threshold.ThresholdVerifier;
import org.fedbridge.core.types.Bytes32;
import org.fedbridge.core.types.Result;

/**
 * Turns the candidates of one batch into its certificate, spending as few pairings as it can:
 * combine {@code t} candidates optimistically and verify the result once; if that fails (once per
 * batch), check the unverified candidates together with bridge-core's batch check, drop the bad
 * ones and combine the good. A candidate's verdict is kept, so no partial is ever checked twice,
 * and with one candidate per member a member can cost this validator at most one check per batch.
 *
 * <p>Pure: no I/O, no clock; it mutates only the candidates' verdicts and points and the entry's
 * optimistic flag.
 */
final class Combiner {

  /** What one attempt gave. */
  sealed interface Outcome {
    /** A group signature verified under the epoch's group key. */
    record Certified(Signature signature, List<Integer> signers) implements Outcome {}

    /** Fewer than {@code t} usable candidates for now. */
    record Waiting(int usable, int needed) implements Outcome {}

    /** {@code t} individually valid partials did not combine: the epoch's keys are inconsistent. */
    record Failed(String why) implements Outcome {}
  }

  /** A member whose candidate was found bad in this attempt. */
  record Blame(int member, PartialRejection reason) {}

  record Attempt(Outcome outcome, List<Blame> blamed, int pairings) {}

  private Combiner() {}

  static Attempt attempt(ThresholdVerifier verifier, Bytes32 digest, BatchEntry entry) {
    int t = verifier.members().threshold();
    List<Blame> blamed = new ArrayList<>();
    List<Candidate> usable = entry.usable(digest);
    if (usable.size() < t) {
      return new Attempt(new Outcome.Waiting(usable.size(), t), blamed, 0);
    }
    // Points are decompressed only now, for authenticated candidates of the right digest.
    List<Candidate> good = new ArrayList<>();
    List<Candidate> unverified = new ArrayList<>();
    for (Candidate c : usable) {
      if (c.point() == null) {
        Result<PartialSignature> p = c.envelope().partial();
        // SECURITY: the point must be a member's own index (the record's authenticated index).
        if (!p.isOk() || p.orThrow().index() != c.index()) {
          c.verdict(Candidate.Verdict.BAD);
          blamed.add(new Blame(c.index(), PartialRejection.BAD_POINT));
          continue;
        }
        c.point(p.orThrow());
      }
      (c.verdict() == Candidate.Verdict.GOOD ? good : unverified).add(c);
    }
    int pairings = 0;
    if (good.size() + unverified.size() < t) {
      // Not worth a pairing until enough candidates could reach t.
      return new Attempt(new Outcome.Waiting(good.size() + unverified.size(), t), blamed, 0);
    }
    if (good.size() < t && !entry.optimisticFailed()) {
      List<Candidate> chosen = new ArrayList<>(good);
      chosen.addAll(unverified.subList(0, t - good.size()));
      chosen.sort((a, b) -> Integer.compare(a.index(), b.index()));
      Result<Signature> sig = ThresholdVerifier.interpolate(points(chosen));
      pairings++;
      if (sig.isOk() && verifier.verify(digest, sig.orThrow())) {
        chosen.forEach(c -> c.verdict(Candidate.Verdict.GOOD));
        return new Attempt(new Outcome.Certified(sig.orThrow(), indexes(chosen)), blamed, pairings);
      }
      entry.optimisticFailed(true);
    }
    // Slow path: the unverified candidates are checked together (bridge-core's batch check: one
    // pairing product when all are valid, two or three for one bad, bisection for several); each
    // candidate gets a verdict once and is never checked again.
    if (good.size() < t) {
      PartialVerdicts verdicts = verifier.verifyPartials(digest, points(unverified));
      pairings += verdicts.pairingChecks();
      Set<Integer> valid = new HashSet<>();
      verdicts.valid().forEach(p -> valid.add(p.index()));
      for (Candidate c : unverified) {
        if (valid.contains(c.index())) {
          c.verdict(Candidate.Verdict.GOOD);
          good.add(c);
        } else {
          c.verdict(Candidate.Verdict.BAD);
          blamed.add(new Blame(c.index(), PartialRejection.BAD_PARTIAL));
        }
      }
    }
    if (good.size() < t) {
      return new Attempt(new Outcome.Waiting(good.size(), t), blamed, pairings);
    }
    good.sort((a, b) -> Integer.compare(a.index(), b.index()));
    List<Candidate> chosen = good.subList(0, t);
    Result<Signature> sig = ThresholdVerifier.interpolate(points(chosen));
    pairings++;
    // SECURITY: whatever path produced it, the group signature is verified before it is used.
    if (!sig.isOk() || !verifier.verify(digest, sig.orThrow())) {
      return new Attempt(
          new Outcome.Failed("valid partials did not combine under the group key"),
          blamed,
          pairings);
    }
    return new Attempt(new Outcome.Certified(sig.orThrow(), indexes(chosen)), blamed, pairings);
  }

  private static List<PartialSignature> points(List<Candidate> cs) {
    return cs.stream().map(Candidate::point).toList();
  }

  private static List<Integer> indexes(List<Candidate> cs) {
    return cs.stream().map(Candidate::index).toList();
  }
}
