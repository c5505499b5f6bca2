package org.fedbridge.admin.federation;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.fedbridge.admin.audit.AuditLog;
import org.fedbridge.core.wire.GovernanceAction.RotationMember;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The federation's epochs as the console knows them: who the members are (operator ids and identity
 * keys), the threshold, and where each epoch stands. The face that proposals plan rotations against
 * and that the rotation tracker moves forward.
 */
@Service
public class Roster {
  private final EpochStore store;
  private final AuditLog audit;
  private final Clock clock;

  Roster(EpochStore store, AuditLog audit, Clock clock) {
    this.store = store;
    this.audit = audit;
    this.clock = clock;
  }

  /** The active epoch, if the console knows one (a genesis spec or a completed rotation). */
  @Transactional(readOnly = true)
  public Optional<EpochView> current() {
    return store.inState("ACTIVE");
  }

  /** The rotation in progress, if any. */
  @Transactional(readOnly = true)
  public Optional<EpochView> planned() {
    return store.inState("PLANNED");
  }

  @Transactional(readOnly = true)
  public Optional<EpochView> epoch(long epoch) {
    return store.epoch(epoch);
  }

  /** Every epoch, newest first. */
  @Transactional(readOnly = true)
  public List<EpochView> history() {
    return store.all();
  }

  /** Records the genesis federation (epoch 0) if the console has no epoch yet. */
  @Transactional
  public boolean genesis(long epoch, int threshold, List<RotationMember> members) {
    if (!store.all().isEmpty()) {
      return false;
    }
    store.insert(epoch, threshold, members, 0, "genesis", null, "ACTIVE", clock.instant());
    audit.record(
        AuditLog.SYSTEM + "federation",
        "epoch.genesis",
        "epoch/" + epoch,
        Map.of("threshold", threshold, "members", members.size()));
    return true;
  }

  /**
   * The DKG attempt a rotation to {@code epoch} must use: 0, or one more than an abandoned plan's,
   * so that the members run a new DKG session rather than resume the one that could not finish.
   */
  @Transactional(readOnly = true)
  public long nextAttempt(long epoch) {
    return store
        .epoch(epoch)
        .filter(e -> e.state().equals("ABANDONED"))
        .map(e -> e.attempt() + 1)
        .orElse(0L);
  }

  /** Plans the next epoch of a published rotation (in the publisher's transaction). */
  @Transactional
  public void plan(
      long epoch, int threshold, List<RotationMember> members, long attempt, long proposalId) {
    String source = "proposal/" + proposalId;
    if (store.replan(epoch, threshold, members, attempt, source, proposalId, clock.instant())) {
      return;
    }
    store.insert(
        epoch,
        threshold,
        members,
        attempt,
        "proposal/" + proposalId,
        proposalId,
        "PLANNED",
        clock.instant());
  }

  /** A new DKG attempt for the planned epoch. */
  @Transactional
  public void retry(long epoch, long attempt) {
    store.setAttempt(epoch, attempt);
  }

  /** The planned epoch is in force on L1 and the sidechain: it becomes the active one. */
  @Transactional
  public void activate(long epoch, String groupKey) {
    current().ifPresent(c -> store.setState(c.epoch(), "RETIRED", clock.instant()));
    store.setGroupKey(epoch, groupKey);
    store.setState(epoch, "ACTIVE", clock.instant());
    audit.record(
        AuditLog.SYSTEM + "rotation",
        "epoch.activate",
        "epoch/" + epoch,
        Map.of("groupKey", groupKey == null ? "" : groupKey));
  }

  /** Learns an epoch's group key (from its EpochChange certificate or the vault). */
  @Transactional
  public void groupKey(long epoch, String groupKey) {
    store.setGroupKey(epoch, groupKey);
  }

  /**
   * The planned epoch will not happen (its rotation was given up): recorded with who and why in the
   * same transaction. False if {@code epoch} is not the planned one (any more).
   */
  @Transactional
  public boolean abandon(long epoch, String reason, String by) {
    Optional<EpochView> planned = store.inState("PLANNED");
    if (planned.isEmpty() || planned.get().epoch() != epoch) {
      return false;
    }
    store.setState(epoch, "ABANDONED", clock.instant());
    audit.record(
        by,
        "epoch.abandon",
        "epoch/" + epoch,
        Map.of("reason", reason, "attempt", planned.get().attempt()));
    return true;
  }
}
