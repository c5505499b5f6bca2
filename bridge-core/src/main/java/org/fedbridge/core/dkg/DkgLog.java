package org.fedbridge.core.dkg;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.fedbridge.core.dkg.DkgMessage.Complaint;
import org.fedbridge.core.dkg.DkgMessage.Confirmation;
import org.fedbridge.core.dkg.DkgMessage.Deal;
import org.fedbridge.core.dkg.DkgMessage.Justification;
import org.fedbridge.core.dkg.DkgMessage.RoundEnd;
import org.fedbridge.core.types.Bytes32;
import org.fedbridge.core.types.Rejection;
import org.fedbridge.core.types.Result;

/**
 * What everyone agrees on about one DKG run: the fold of its ordered log (the {@code bridge.dkg}
 * topic), record by record. Every member runs it (inside {@link DkgRun}) and so can anyone with the
 * records ({@code bridge-validator dkg verify}); the same records give the same phases, transcript,
 * key and confirmations everywhere. No clock, no randomness, no I/O.
 *
 * <p>Rounds end at agreed log positions, never on local clocks. Each round (1 deal, 2 complaint, 3
 * justification) closes at the record that completes either
 *
 * <ul>
 *   <li>{@code n} distinct "done" votes ({@link RoundEnd} with {@code timedOut == false}: every
 *       member has published what it has for the round), or
 *   <li>{@code t} distinct "timed out" votes (members whose own deadline for the round passed).
 * </ul>
 *
 * SECURITY: since {@code t ≥ ⌊2n/3⌋+1}, a byzantine minority ({@code f ≤ n - t < t} members) can
 * neither close a round by itself nor keep it open: "done" votes from fast members, byzantine or
 * not, never close a round while an honest member is still working, and the honest members alone
 * reach {@code t} time-outs. Only votes for the current round count; a message counts only in its
 * own round (a late deal, complaint or justification is ignored by everyone alike).
 *
 * <p>After round 3 the transcript is evaluated (fewer than {@code t} qualified dealers: FAILED);
 * then each member that holds a matching share publishes a {@link Confirmation} of {@link
 * #outcomeHash}, and the run is CONFIRMED at the record that brings {@code t} distinct matching
 * confirmations. Only then is the key written as usable.
 */
public final class DkgLog {
  /** Where the run is. */
  public enum Phase {
    DEAL,
    COMPLAINT,
    JUSTIFICATION,
    CONFIRMATION,
    CONFIRMED,
    FAILED;

    /** The round number votes use (1..3), or 0 outside the three rounds. */
    public int round() {
      return this == DEAL ? 1 : this == COMPLAINT ? 2 : this == JUSTIFICATION ? 3 : 0;
    }
  }

  /** What one record did. */
  public sealed interface Step {
    /** It counted: in the transcript, as a vote, or as a confirmation. */
    record Accepted(DkgMessage message, Phase phase) implements Step {}

    /**
     * Authentic but without effect: a repeat, a message outside its round, a second confirmation.
     */
    record Ignored(DkgMessage message, String why) implements Step {}

    /** Not a record of this run (garbage, foreign session, forged sender...). */
    record Rejected(Rejection reason, String detail) implements Step {}
  }

  private final DkgConfig config;
  private final List<Deal> deals = new ArrayList<>();
  private final List<Complaint> complaints = new ArrayList<>();
  private final List<Justification> justifications = new ArrayList<>();
  private final List<byte[]> accepted = new ArrayList<>();
  private final Set<Bytes32> seen = new HashSet<>();
  private final Map<Integer, Set<Integer>> done = new HashMap<>();
  private final Map<Integer, Set<Integer>> timedOut = new HashMap<>();
  private final Map<Integer, Integer> closedAt = new LinkedHashMap<>();
  private final Map<Integer, Bytes32> confirmations = new LinkedHashMap<>();
  private final Set<Integer> confirmedBy = new TreeSet<>();
  private Phase phase = Phase.DEAL;
  private Result<DkgTranscript.Evaluation> evaluation;
  private Bytes32 transcriptHash;
  private Bytes32 outcomeHash;

  public DkgLog(DkgConfig config) {
    this.config = config;
  }

  public DkgConfig config() {
    return config;
  }

  public Phase phase() {
    return phase;
  }

  /** Decodes, authenticates and applies the next record of the log. */
  public Step append(byte[] record) {
    Result<DkgMessage> decoded = DkgCodec.decode(config, record);
    if (!decoded.isOk()) {
      Result.Err<DkgMessage> e = (Result.Err<DkgMessage>) decoded;
      return new Step.Rejected(e.reason(), e.detail());
    }
    DkgMessage m = decoded.orThrow();
    Bytes32 h = m.signingHash();
    if (seen.contains(h)) {
      return new Step.Ignored(m, "repeat");
    }
    String outside = outsideItsRound(m);
    if (outside != null) {
      return new Step.Ignored(m, outside);
    }
    seen.add(h);
    accepted.add(record.clone());
    if (m instanceof Deal d) {
      deals.add(d);
    } else if (m instanceof Complaint c) {
      complaints.add(c);
    } else if (m instanceof Justification j) {
      justifications.add(j);
    } else if (m instanceof RoundEnd r) {
      vote(r);
    } else if (m instanceof Confirmation c) {
      confirm(c);
    }
    return new Step.Accepted(m, phase);
  }

  /** Why {@code m} has no effect in the current phase, or {@code null} when it counts. */
  private String outsideItsRound(DkgMessage m) {
    boolean fits =
        (m instanceof Deal && phase == Phase.DEAL)
            || (m instanceof Complaint && phase == Phase.COMPLAINT)
            || (m instanceof Justification && phase == Phase.JUSTIFICATION)
            || (m instanceof RoundEnd r && r.round() == phase.round())
            || (m instanceof Confirmation && phase == Phase.CONFIRMATION);
    if (!fits) {
      return m.getClass().getSimpleName() + " outside its round (phase " + phase + ")";
    }
    if (m instanceof Confirmation && confirmations.containsKey(m.sender())) {
      return "second confirmation from " + m.sender();
    }
    // SECURITY: bound what one member can make everyone store and evaluate. Two different deals
    // already prove equivocation (the dealer is disqualified); the first justification for a
    // complaint is the dealer's answer.
    if (m instanceof Deal d && deals.stream().filter(x -> x.dealer() == d.dealer()).count() >= 2) {
      return "third deal from " + d.dealer();
    }
    if (m instanceof Justification j
        && justifications.stream()
            .anyMatch(x -> x.dealer() == j.dealer() && x.complainer() == j.complainer())) {
      return "second justification from " + j.dealer() + " for " + j.complainer();
    }
    return null;
  }

  private void vote(RoundEnd r) {
    int round = r.round();
    Set<Integer> votes =
        (r.timedOut() ? timedOut : done).computeIfAbsent(round, k -> new TreeSet<>());
    votes.add(r.sender());
    // SECURITY: n "done" or t "timed out" (see class comment): f < t byzantine votes never close.
    if (done.getOrDefault(round, Set.of()).size() == config.n()
        || timedOut.getOrDefault(round, Set.of()).size() >= config.t()) {
      closedAt.put(round, accepted.size() - 1);
      phase =
          switch (phase) {
            case DEAL -> Phase.COMPLAINT;
            case COMPLAINT -> Phase.JUSTIFICATION;
            default -> evaluate();
          };
    }
  }

  private Phase evaluate() {
    DkgTranscript transcript = transcript();
    evaluation = transcript.evaluateDetailed(true);
    if (!evaluation.isOk()) {
      return Phase.FAILED;
    }
    transcriptHash = transcript.hash();
    outcomeHash = outcomeHash(config, evaluation.orThrow().output(), transcriptHash);
    return Phase.CONFIRMATION;
  }

  private void confirm(Confirmation c) {
    confirmations.put(c.sender(), c.outcome());
    if (c.outcome().equals(outcomeHash)) {
      confirmedBy.add(c.sender());
      // SECURITY: the key is usable only once t members confirmed the same outcome.
      if (confirmedBy.size() >= config.t()) {
        phase = Phase.CONFIRMED;
      }
    }
  }

  /**
   * {@code keccak256("fedbridge.dkg.Outcome.v1" ‖ session ‖ |QUAL| ‖ QUAL ascending ‖ group key (G2
   * compressed) ‖ transcript hash)}: what a confirmation signs.
   */
  public static Bytes32 outcomeHash(DkgConfig config, DkgPublicOutput out, Bytes32 transcript) {
    Wire w = new Wire("fedbridge.dkg.Outcome.v1").b32(config.sessionId());
    List<Integer> qual = new ArrayList<>(new TreeSet<>(out.qualified()));
    w.u32(qual.size());
    qual.forEach(w::u32);
    return w.bytes(out.groupKey().toCompressed()).b32(transcript).hash();
  }

  /** The transcript so far: deals, complaints and justifications accepted in their rounds. */
  public DkgTranscript transcript() {
    return new DkgTranscript(config, deals, complaints, justifications);
  }

  /** Every accepted record, in log order: the run's public record for export and re-evaluation. */
  public List<byte[]> acceptedRecords() {
    return accepted.stream().map(byte[]::clone).toList();
  }

  /** The public output, once round 3 closed with at least t qualified dealers. */
  public Optional<DkgPublicOutput> output() {
    return evaluation != null && evaluation.isOk()
        ? Optional.of(evaluation.orThrow().output())
        : Optional.empty();
  }

  /** Why the run failed (after round 3 with fewer than t qualified dealers), if it did. */
  public Optional<String> failure() {
    return evaluation instanceof Result.Err<DkgTranscript.Evaluation> e
        ? Optional.of(e.detail())
        : Optional.empty();
  }

  Result<DkgTranscript.Evaluation> evaluation() {
    return evaluation;
  }

  public Optional<Bytes32> transcriptHash() {
    return Optional.ofNullable(transcriptHash);
  }

  /** What the confirmations must match, once round 3 closed. */
  public Optional<Bytes32> outcomeHash() {
    return Optional.ofNullable(outcomeHash);
  }

  /** Members whose confirmation matched {@link #outcomeHash()}, ascending. */
  public Set<Integer> confirmedBy() {
    return Set.copyOf(confirmedBy);
  }

  /** Members whose confirmation named a different outcome (byzantine, or a bug to investigate). */
  public Set<Integer> dissenters() {
    Set<Integer> out = new TreeSet<>(confirmations.keySet());
    out.removeAll(confirmedBy);
    return out;
  }

  /** Index, among {@link #acceptedRecords()}, of the record that closed each round (1..3). */
  public Map<Integer, Integer> roundClosedAt() {
    return Map.copyOf(closedAt);
  }

  /** Members that voted "done" / "timed out" in {@code round}. */
  public Set<Integer> votes(int round, boolean timedOutVotes) {
    return Set.copyOf((timedOutVotes ? timedOut : done).getOrDefault(round, Set.of()));
  }
}
