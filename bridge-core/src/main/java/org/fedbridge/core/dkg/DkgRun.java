package org.fedbridge.core.dkg;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.fedbridge.core.dkg.DkgLog.Phase;
import org.fedbridge.core.dkg.DkgLog.Step;
import org.fedbridge.core.dkg.DkgMessage.Confirmation;
import org.fedbridge.core.dkg.DkgMessage.Deal;
import org.fedbridge.core.dkg.DkgMessage.RoundEnd;
import org.fedbridge.core.types.Bytes32;
import org.fedbridge.core.types.Rejection;
import org.fedbridge.core.types.Result;

/**
 * One member's run of a DKG over an ordered log: a {@link DkgLog} (what everyone agrees on) driving
 * this member's {@link DkgSession} (its secrets). The caller appends every record it reads from the
 * log, publishes what it is handed, and calls {@link #timeout()} when its own deadline for the
 * current round passes; no clock, randomness or I/O here.
 *
 * <p>SECURITY: the member's own records count only when they come back from the log (they go
 * through {@link #onRecord} like everyone else's). What it has published but not yet read back is
 * its {@link #outbox()}: after a restart, the caller rebuilds the run with the same dealing seed,
 * replays the records it had stored, and re-publishes the outbox. Every record is a deterministic
 * function of the seed, the identity key and the log (RFC 6979 signatures), so a re-published
 * record is byte-identical to the first one and counts once: a restart never deals a second
 * polynomial nor ends with a second share.
 */
public final class DkgRun {
  /** The effect of one record, and the records this member must publish because of it. */
  public record Progress(Step step, Phase phase, List<byte[]> publish) {}

  private final DkgConfig config;
  private final int me;
  private final IdentityKey identity;
  private final DkgSession session;
  private final DkgLog log;
  private final Map<Bytes32, byte[]> outbox = new LinkedHashMap<>();
  private final Set<Phase> timedOut = EnumSet.noneOf(Phase.class);
  private final List<byte[]> fresh = new ArrayList<>();
  private Result<DkgResult> finished;

  private DkgRun(DkgConfig config, int me, IdentityKey identity, byte[] dealSeed) {
    this.config = config;
    this.me = me;
    this.identity = identity;
    this.session = new DkgSession(config, me, identity, dealSeed);
    this.log = new DkgLog(config);
  }

  /**
   * Starts (or, with the recorded seed, restarts) member {@code me}'s run: its deal and its "done"
   * vote for the deal round are in the outbox.
   */
  public static DkgRun start(DkgConfig config, int me, IdentityKey identity, byte[] dealSeed) {
    DkgRun run = new DkgRun(config, me, identity, dealSeed);
    List<DkgMessage> deal = run.session.start();
    deal.forEach(run::send);
    run.send(run.vote(Phase.DEAL, false));
    run.fresh.clear(); // the caller publishes the outbox
    return run;
  }

  public int index() {
    return me;
  }

  public DkgLog log() {
    return log;
  }

  public Phase phase() {
    return log.phase();
  }

  /** Applies the next record of the log; returns what to publish because of it. */
  public Progress onRecord(byte[] record) {
    Phase before = log.phase();
    fresh.clear();
    Step step = log.append(record);
    DkgMessage m =
        step instanceof Step.Accepted a
            ? a.message()
            : step instanceof Step.Ignored i ? i.message() : null;
    if (m != null && m.sender() == me) {
      outbox.remove(m.signingHash());
      if (m instanceof RoundEnd r && r.timedOut()) {
        timedOut.add(before);
      }
    }
    if (step instanceof Step.Accepted a && isProtocolMessage(a.message())) {
      // The log accepted it in its round, so the session (same round) takes it too.
      session.receive(a.message()).orThrow();
    }
    if (log.phase() != before) {
      outbox.clear(); // what is left of a closed round would no longer count anywhere
      enter(log.phase());
    }
    List<byte[]> publish = List.copyOf(fresh);
    fresh.clear();
    return new Progress(step, log.phase(), publish);
  }

  /**
   * This member's deadline for the current round passed: its "timed out" vote (once per round), or
   * nothing outside the three rounds.
   */
  public List<byte[]> timeout() {
    Phase p = log.phase();
    if (p.round() == 0 || !timedOut.add(p)) {
      return List.of();
    }
    byte[] vote = send(vote(p, true));
    fresh.clear();
    return List.of(vote);
  }

  /** Own records published for the current phase but not yet read back from the log. */
  public List<byte[]> outbox() {
    return outbox.values().stream().map(byte[]::clone).toList();
  }

  /**
   * This member's result, only once the log holds t matching confirmations: until then the key must
   * not be used.
   */
  public Optional<DkgResult> confirmed() {
    return log.phase() == Phase.CONFIRMED && finished != null && finished.isOk()
        ? Optional.of(finished.orThrow())
        : Optional.empty();
  }

  /** Why this member holds no share after round 3 (its own evaluation failed), if so. */
  public Optional<String> ownFailure() {
    return finished instanceof Result.Err<DkgResult> e
        ? Optional.of(e.reason() + ": " + e.detail())
        : Optional.empty();
  }

  private void enter(Phase phase) {
    switch (phase) {
      case COMPLAINT -> {
        session.endDealRound().forEach(this::send);
        send(vote(Phase.COMPLAINT, false));
      }
      case JUSTIFICATION -> {
        session.endComplaintRound().forEach(this::send);
        send(vote(Phase.JUSTIFICATION, false));
      }
      case CONFIRMATION -> {
        finished = session.finish(log.evaluation());
        // SECURITY: confirm only an outcome this member computed itself and holds a share of.
        if (finished.isOk() && finished.orThrow().output().equals(log.output().orElseThrow())) {
          send(
              new Confirmation(config.sessionId(), me, log.outcomeHash().orElseThrow(), new byte[0])
                  .signed(identity));
        } else if (finished.isOk()) {
          finished.orThrow().share().close();
          finished = Result.err(Rejection.BAD_MESSAGE, "own evaluation differs from the log's");
        }
      }
      case FAILED -> {
        if (session.round() == DkgSession.Round.JUSTIFICATION) {
          finished = session.finish(log.evaluation());
        }
      }
      default -> {}
    }
  }

  private RoundEnd vote(Phase phase, boolean timedOutVote) {
    return new RoundEnd(config.sessionId(), me, phase.round(), timedOutVote, new byte[0])
        .signed(identity);
  }

  private byte[] send(DkgMessage m) {
    byte[] bytes = DkgCodec.encode(m);
    outbox.put(m.signingHash(), bytes);
    fresh.add(bytes);
    return bytes;
  }

  private static boolean isProtocolMessage(DkgMessage m) {
    return m instanceof Deal
        || m instanceof DkgMessage.Complaint
        || m instanceof DkgMessage.Justification;
  }
}
