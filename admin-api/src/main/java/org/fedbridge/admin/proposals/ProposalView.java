package org.fedbridge.admin.proposals;

import java.time.Instant;
import java.util.List;

/**
 * A proposal and where it stands.
 *
 * @param effect canonical JSON of what it will publish or do
 * @param approvals who approved, in order (the proposer first)
 * @param readyAt when the timelock ends (null before M approvals)
 * @param governanceSequence the {@code bridge.governance} record that carried it out, or 0
 */
public record ProposalView(
    long id,
    ProposalKind kind,
    String summary,
    String effect,
    Long baseEpoch,
    String state,
    String proposer,
    int requiredApprovals,
    List<String> approvals,
    Instant createdAt,
    Instant expiresAt,
    Instant approvedAt,
    Instant readyAt,
    Instant closedAt,
    String closedBy,
    String closeReason,
    long governanceSequence) {
  public ProposalView {
    approvals = List.copyOf(approvals);
  }
}
