package org.fedbridge.core.dkg;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.fedbridge.core.bls.G2Polynomial;
import org.fedbridge.core.bls.PublicKey;
import org.fedbridge.core.dkg.DkgMessage.Complaint;
import org.fedbridge.core.dkg.DkgMessage.Deal;
import org.fedbridge.core.dkg.DkgMessage.Justification;
import org.fedbridge.core.types.Bytes32;
import org.fedbridge.core.types.Rejection;
import org.fedbridge.core.types.Result;
import supranational.blst.P2;

/**
 * Every message of a DKG run, per round, in the order accepted. Anyone holding it and the {@link
 * DkgConfig} can recompute the outcome with {@link #evaluate()}: the members run exactly this code,
 * so a published transcript proves how the group key and share keys came about.
 */
public record DkgTranscript(
    DkgConfig config,
    List<Deal> deals,
    List<Complaint> complaints,
    List<Justification> justifications) {

  public DkgTranscript {
    deals = List.copyOf(deals);
    complaints = List.copyOf(complaints);
    justifications = List.copyOf(justifications);
  }

  /**
   * {@code keccak256} over the configuration hash and the signing hash of every message, round by
   * round in the order accepted: what the confirmations commit to. Signatures are left out (an
   * ECDSA signer can make many signatures of one message; the content is what counts).
   */
  public Bytes32 hash() {
    Wire w = new Wire("fedbridge.dkg.Transcript.v1").b32(config.hash());
    for (List<? extends DkgMessage> round : List.of(deals, complaints, justifications)) {
      w.u32(round.size());
      round.forEach(m -> w.b32(m.signingHash()));
    }
    return w.hash();
  }

  /**
   * Recomputes the qualified set, group key and share keys.
   *
   * <p>Rules, in order: a message with a bad signature or another session is ignored; a dealer with
   * two different deals, or a deal of the wrong shape, is disqualified; a dealer with a complaint
   * against it and no justification whose revealed share matches its commitments is disqualified.
   * The rest is QUAL; fewer than {@code t} is a failed run.
   *
   * @return the public output, or {@link Rejection#INSUFFICIENT_SHARES} when |QUAL| < t
   */
  public Result<DkgPublicOutput> evaluate() {
    return evaluateDetailed(false).map(Evaluation::output);
  }

  /**
   * Internal form that also returns the revealed shares, for the members' own use. A member's
   * session authenticated every message on receipt and may skip re-checking signatures.
   */
  Result<Evaluation> evaluateDetailed(boolean alreadyAuthenticated) {
    int n = config.n();
    int t = config.t();
    Map<Integer, Deal> dealOf = new LinkedHashMap<>();
    Set<Integer> disqualified = new TreeSet<>();
    for (Deal d : deals) {
      if (!alreadyAuthenticated && !d.authenticate(config).isOk()) {
        continue;
      }
      Deal prior = dealOf.putIfAbsent(d.dealer(), d);
      // SECURITY: equivocation — two different deals from one dealer disqualify it.
      if (prior != null && !prior.signingHash().equals(d.signingHash())) {
        disqualified.add(d.dealer());
      }
    }
    for (Deal d : dealOf.values()) {
      // SECURITY: degree t-1 exactly (t commitments), one ciphertext per member.
      if (d.commitments().size() != t || d.encryptedShares().size() != n) {
        disqualified.add(d.dealer());
      }
    }
    // Complaints, once per (complainer, dealer), only against dealers that dealt.
    Map<Long, Complaint> open = new LinkedHashMap<>();
    for (Complaint c : complaints) {
      if ((alreadyAuthenticated || c.authenticate(config).isOk())
          && c.dealer() >= 1
          && c.dealer() <= n
          && c.dealer() != c.complainer()
          && dealOf.containsKey(c.dealer())) {
        open.putIfAbsent(key(c.complainer(), c.dealer()), c);
      }
    }
    Map<Long, BigInteger> revealed = new HashMap<>();
    for (Justification j : justifications) {
      long k = key(j.complainer(), j.dealer());
      if (!open.containsKey(k)
          || revealed.containsKey(k)
          || !(alreadyAuthenticated || j.authenticate(config).isOk())) {
        continue;
      }
      Deal d = dealOf.get(j.dealer());
      if (!disqualified.contains(j.dealer())
          && j.share().length == 32
          && Feldman.checkShare(d.commitments(), j.complainer(), j.shareScalar())) {
        revealed.put(k, j.shareScalar());
      }
    }
    for (Map.Entry<Long, Complaint> e : open.entrySet()) {
      // SECURITY: an unanswered or wrongly answered complaint disqualifies the dealer.
      if (!revealed.containsKey(e.getKey())) {
        disqualified.add(e.getValue().dealer());
      }
    }
    Set<Integer> qual = new TreeSet<>(dealOf.keySet());
    qual.removeAll(disqualified);
    if (qual.size() < t) {
      return Result.err(
          Rejection.INSUFFICIENT_SHARES,
          "only "
              + qual.size()
              + " qualified dealers, need "
              + t
              + "; disqualified "
              + disqualified);
    }
    // Aggregate commitments A_k = Σ_{j∈QUAL} C_jk; group key A_0; share key i = Σ_k A_k i^k.
    List<PublicKey> aggregate = new ArrayList<>(t);
    for (int k = 0; k < t; k++) {
      List<PublicKey> column = new ArrayList<>(qual.size());
      for (int j : qual) {
        column.add(dealOf.get(j).commitments().get(k));
      }
      P2 acc = G2Polynomial.sum(column);
      Result<PublicKey> a = PublicKey.fromPoint(acc);
      if (!a.isOk()) {
        return Result.err(Rejection.INFINITY, "aggregate commitment " + k + " is infinity");
      }
      aggregate.add(a.orThrow());
    }
    List<PublicKey> shareKeys = new ArrayList<>(n);
    for (int i = 1; i <= n; i++) {
      Result<PublicKey> pk = PublicKey.fromPoint(G2Polynomial.evaluate(aggregate, i));
      if (!pk.isOk()) {
        return Result.err(Rejection.INFINITY, "share key " + i + " is infinity");
      }
      shareKeys.add(pk.orThrow());
    }
    DkgPublicOutput out = new DkgPublicOutput(aggregate.get(0), shareKeys, qual);
    return Result.ok(new Evaluation(out, Map.copyOf(dealOf), revealed));
  }

  static long key(int complainer, int dealer) {
    return ((long) complainer << 32) | dealer;
  }

  /** Output plus what a member needs to assemble its share. */
  record Evaluation(
      DkgPublicOutput output, Map<Integer, Deal> deals, Map<Long, BigInteger> revealed) {
    BigInteger revealedShare(int complainer, int dealer) {
      return revealed.get(key(complainer, dealer));
    }
  }
}
