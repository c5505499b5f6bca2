package org.fedbridge.core.wire;

import org.fedbridge.core.types.Address;

/**
 * A governance decision as admin-api publishes it on {@code bridge.governance} (wrapped and signed
 * by {@link GovernanceRecord}).
 *
 * @param l1ChainId the L1 chain of the deployment it governs
 * @param vault the vault of that deployment
 * @param sidechainId the sidechain of that deployment
 * @param sequence 1, 2, 3 … per governance key: consumers act on each sequence once, in order
 * @param proposalId the admin console's proposal it carries out (for tracing)
 * @param issuedAtMillis when it was published (Unix ms, the console's clock: informational)
 * @param action what the federation is asked to do
 */
public record Governance(
    long l1ChainId,
    Address vault,
    long sidechainId,
    long sequence,
    long proposalId,
    long issuedAtMillis,
    GovernanceAction action) {
  public Governance {
    if (l1ChainId < 1 || vault == null || sidechainId < 1) {
      throw new IllegalArgumentException("governance needs the deployment: chain ids ≥ 1, vault");
    }
    if (sequence < 1 || proposalId < 0 || issuedAtMillis < 0 || action == null) {
      throw new IllegalArgumentException("sequence ≥ 1, proposal id and time ≥ 0, an action");
    }
  }
}
