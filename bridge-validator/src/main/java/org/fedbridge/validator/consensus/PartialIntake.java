package org.fedbridge.validator.consensus;

import java.time.Clock;
import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.fedbridge.core.dkg.IdentityPublicKey;
import org.fedbridge.core.types.Result;
import org.fedbridge.validator.federation.EpochView;
import org.fedbridge.validator.federation.Federations;

/**
 * Admits records of {@code bridge.partials} into the {@link CandidatePool}, cheapest checks first,
 * so that junk costs a few comparisons or one ECDSA check and never a pairing: decode (no point
 * work) → epoch → membership → already certified → same bytes as the member's candidate → identity
 * signature → one candidate per member and batch → digest seen here → the member's bound. Every
 * refusal is counted; a refusal is blamed on a member only when its identity key signed the record.
 */
final class PartialIntake {
  private final Federations federations;
  private final CandidatePool pool;
  private final ConsensusStore store;
  private final ConsensusMetrics metrics;
  private final Clock clock;
  private final int maxPendingPerMember;
  private final String topic;

  PartialIntake(
      Federations federations,
      CandidatePool pool,
      ConsensusStore store,
      ConsensusMetrics metrics,
      Clock clock,
      int maxPendingPerMember,
      String topic) {
    this.federations = federations;
    this.pool = pool;
    this.store = store;
    this.metrics = metrics;
    this.clock = clock;
    this.maxPendingPerMember = maxPendingPerMember;
    this.topic = topic;
  }

  /**
   * Handles one record; writes go to the caller's transaction.
   *
   * @return the batch whose candidates changed, if any
   */
  Optional<BatchKey> admit(byte[] value) {
    Result<PartialEnvelope> decoded = PartialWire.decode(value);
    if (!(decoded instanceof Result.Ok<PartialEnvelope> ok)) {
      metrics.skipped(topic, decoded.rejection().name().toLowerCase(Locale.ROOT));
      return Optional.empty();
    }
    PartialEnvelope p = ok.value();
    Optional<EpochView> current = federations.current();
    // SECURITY: only the current epoch's partials count (threats.md rows 1 and 11): a removed
    // member's or an old epoch's partial never becomes a candidate.
    if (current.isEmpty() || current.get().epoch() != p.key().epoch()) {
      refuseOtherEpoch(p, current);
      return Optional.empty();
    }
    EpochView view = current.get();
    IdentityPublicKey identity = view.identities().get(p.index());
    if (identity == null || p.index() > view.verifier().members().size()) {
      metrics.rejected(PartialRejection.NOT_A_MEMBER, ConsensusMetrics.UNAUTHENTICATED);
      return Optional.empty();
    }
    BatchEntry entry = pool.get(p.key());
    if (entry == null && pool.recentlyCertified(p.key())) {
      return Optional.empty(); // a late partial of a settled batch: nothing to do
    }
    Candidate held = entry == null ? null : entry.candidate(p.index());
    if (held != null && Arrays.equals(held.envelope().raw(), p.raw())) {
      return Optional.empty(); // a re-publication: byte for byte the candidate already held
    }
    // SECURITY: authenticated before it can take the member's slot or touch a curve point, and
    // before it costs a database query.
    if (!p.authenticate(identity)) {
      blameImpostor(p, view, PartialRejection.BAD_IDENTITY_SIGNATURE);
      return Optional.empty();
    }
    String member = operator(view, p.index());
    metrics.received(member);
    if (entry == null && store.certified(p.key())) {
      return Optional.empty(); // settled long ago
    }
    if (held != null) {
      // SECURITY: one candidate per member and batch: a second one is never paired.
      metrics.rejected(PartialRejection.EQUIVOCATION, member);
      return Optional.empty();
    }
    if (entry == null || !entry.certified()) {
      if (pool.pending(p.key().epoch(), p.index()) >= maxPendingPerMember) {
        metrics.rejected(PartialRejection.BACKLOG_FULL, member);
        return Optional.empty();
      }
    }
    entry = pool.getOrCreate(p.key());
    Candidate.Verdict verdict = Candidate.Verdict.UNVERIFIED;
    if (entry.observedDigest() != null && !entry.observedDigest().equals(p.digest())) {
      // Kept (as bad) so that the member's slot stays taken; never paired.
      metrics.rejected(PartialRejection.WRONG_DIGEST, member);
      verdict = Candidate.Verdict.BAD;
    }
    Candidate c = new Candidate(p, clock.instant(), verdict);
    pool.add(entry, c);
    store.insertCandidate(p.key(), p.index(), p.digest(), p.raw(), c.receivedAt());
    if (verdict == Candidate.Verdict.BAD) {
      store.verdict(p.key(), p.index(), verdict);
    }
    return Optional.of(p.key());
  }

  /** Rebuilds a candidate from the database after a restart (it was authenticated before). */
  void restore(ConsensusStore.CandidateRow row) {
    Result<PartialEnvelope> decoded = PartialWire.decode(row.record());
    if (!(decoded instanceof Result.Ok<PartialEnvelope> ok)) {
      return;
    }
    BatchEntry entry = pool.getOrCreate(row.key());
    Candidate.Verdict verdict = Candidate.Verdict.valueOf(row.verdict().toUpperCase(Locale.ROOT));
    pool.add(entry, new Candidate(ok.value(), row.receivedAt(), verdict));
  }

  private void refuseOtherEpoch(PartialEnvelope p, Optional<EpochView> current) {
    Optional<EpochView> theirs = federations.epoch(p.key().epoch());
    IdentityPublicKey identity = theirs.map(v -> v.identities().get(p.index())).orElse(null);
    if (current.isEmpty() || identity == null || !p.authenticate(identity)) {
      metrics.skipped(topic, "wrong_epoch");
      return;
    }
    metrics.rejected(
        p.key().epoch() < current.get().epoch()
            ? PartialRejection.STALE_EPOCH
            : PartialRejection.FUTURE_EPOCH,
        operator(theirs.get(), p.index()));
  }

  /**
   * A record that does not authenticate under the index it claims: named after the member whose
   * identity key did sign it, if any (impersonation), never after the index it claims.
   */
  private void blameImpostor(PartialEnvelope p, EpochView view, PartialRejection otherwise) {
    // Costs two ECDSA recoveries, like the failed check itself: no pairing, no point work.
    for (IdentityPublicKey signer : p.possibleSigners()) {
      for (Map.Entry<Integer, IdentityPublicKey> m : view.identities().entrySet()) {
        if (m.getValue().equals(signer) && m.getKey() != p.index()) {
          metrics.rejected(PartialRejection.IMPERSONATION, operator(view, m.getKey()));
          return;
        }
      }
    }
    metrics.rejected(otherwise, ConsensusMetrics.UNAUTHENTICATED);
  }

  static String operator(EpochView view, int index) {
    var members = view.verifier().members();
    return index >= 1 && index <= members.size()
        ? members.member(index).operatorId()
        : ConsensusMetrics.UNAUTHENTICATED;
  }
}
