package org.fedbridge.relayer.track;

import java.math.BigInteger;
import java.time.Clock;
import java.time.Instant;
import java.util.Objects;
import org.springframework.stereotype.Component;

/**
 * Writes transfers and their stage history. Every change goes through here, so that stages only
 * move forward on news from the chains and Kafka and each change is recorded once with its time
 * (the event stream reads those records: {@link StageFeed}). Callers run inside a transaction.
 */
@Component
class TransferBook {
  private final TransferRepository transfers;
  private final TransferStageRepository stages;
  private final Clock clock;

  TransferBook(TransferRepository transfers, TransferStageRepository stages, Clock clock) {
    this.transfers = transfers;
    this.stages = stages;
    this.clock = clock;
  }

  /** The transfer with this nonce, created (unsaved fields to fill) if absent. */
  TransferEntity findOrNew(Kind kind, BigInteger nonce) {
    return transfers
        .findByKindAndNonce(kind, nonce)
        .orElseGet(() -> new TransferEntity(kind, nonce, clock.instant()));
  }

  /**
   * Moves a transfer to {@code stage} if that is progress: never backwards nor sideways (the holds
   * after a root is posted share a rank and only {@link #hold} switches among them), never out of a
   * final stage, and a repeat of the same stage and detail changes nothing.
   *
   * @return whether the stage changed
   */
  boolean advance(TransferEntity t, Stage stage, String detail, Instant until, Instant at) {
    if (t.stage != null
        && (t.stage.terminal()
            || stage.rank() < t.stage.rank()
            || (stage.rank() == t.stage.rank() && stage != t.stage))) {
      save(t);
      return false;
    }
    return move(t, stage, detail, until, at);
  }

  /**
   * Switches a withdrawal between the stages after its root was posted (holds, claiming), which may
   * go back and forth; does nothing if the transfer is not in one of them.
   */
  boolean hold(TransferEntity t, Stage stage, String detail, Instant until, Instant at) {
    if (t.stage == null || !t.stage.isClaimHold() || !stage.isClaimHold()) {
      return false;
    }
    return move(t, stage, detail, until, at);
  }

  /** Records a final failure or revocation, whatever stage the transfer is in (unless final). */
  boolean end(TransferEntity t, Stage stage, String detail, Instant at) {
    if (t.stage != null && t.stage.terminal()) {
      return false;
    }
    return move(t, stage, detail, null, at);
  }

  private boolean move(TransferEntity t, Stage stage, String detail, Instant until, Instant at) {
    if (stage == t.stage
        && Objects.equals(detail, t.stageDetail)
        && Objects.equals(until, t.stageUntil)) {
      save(t);
      return false;
    }
    boolean newStage = stage != t.stage;
    boolean newDetail = !Objects.equals(detail, t.stageDetail);
    // Block times have whole seconds: a stage is never dated before the one it follows.
    if (at == null || (t.stageAt != null && at.isBefore(t.stageAt))) {
      at = t.stageAt != null ? t.stageAt : clock.instant();
    }
    t.stageAt = at;
    t.stage = stage;
    t.stageDetail = detail;
    t.stageUntil = until;
    save(t);
    if (newStage || newDetail) {
      stages.save(new TransferStageEntity(t.id, stage, detail, at));
    }
    return true;
  }

  /** Deposits shown as seen (not final) whose block is below {@code block}. */
  java.util.List<TransferEntity> seenBefore(long block) {
    return transfers.findByKindAndStageAndBatchIdLessThan(Kind.DEPOSIT, Stage.SEEN, block);
  }

  TransferEntity save(TransferEntity t) {
    t.updatedAt = clock.instant();
    if (t.id == null) {
      return transfers.save(t);
    }
    return t;
  }
}
