package org.fedbridge.admin.federation;

import java.time.Instant;
import java.util.List;
import org.fedbridge.core.wire.GovernanceAction.RotationMember;

/**
 * An epoch of the federation as the console knows it.
 *
 * @param epoch its number
 * @param threshold t
 * @param members index, operator id and identity key of each member
 * @param attempt the DKG attempt (rotations retried after a failed DKG count up)
 * @param source {@code genesis} or the proposal that planned it
 * @param proposalId that proposal, or 0
 * @param groupKey the group key (0x, compressed G2) once known, else null
 * @param state PLANNED, ACTIVE, RETIRED or ABANDONED
 */
public record EpochView(
    long epoch,
    int threshold,
    List<RotationMember> members,
    long attempt,
    String source,
    long proposalId,
    String groupKey,
    String state,
    Instant plannedAt,
    Instant activatedAt) {
  public EpochView {
    members = List.copyOf(members);
  }
}
