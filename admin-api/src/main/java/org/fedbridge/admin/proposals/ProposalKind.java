package org.fedbridge.admin.proposals;

/** What a proposal changes. */
public enum ProposalKind {
  /** A new member joins the next epoch (rotation). */
  ADD_MEMBER(true, true),
  /** A member leaves at the next epoch (rotation). */
  REMOVE_MEMBER(true, true),
  /** Same members, another threshold (rotation). */
  CHANGE_THRESHOLD(true, true),
  /** A member's identity key is replaced at the next epoch (rotation). */
  ROTATE_IDENTITY(true, true),
  /** Register a token or change its limits (L1 and sidechain). */
  TOKEN_CONFIG(false, true),
  /** Grant or revoke the vault's pauser role. */
  PAUSER_UPDATE(false, true),
  /** Lift the current pause. */
  UNPAUSE(false, true),
  /** Make a principal of the console an admin. */
  GRANT_ADMIN(false, true),
  /** Remove an admin (tightening: no timelock). */
  REVOKE_ADMIN(false, false);

  private final boolean memberChange;
  private final boolean timelocked;

  ProposalKind(boolean memberChange, boolean timelocked) {
    this.memberChange = memberChange;
    this.timelocked = timelocked;
  }

  /** Changes the member set or threshold: carried out by a rotation to the next epoch. */
  public boolean memberChange() {
    return memberChange;
  }

  /** Waits out the timelock after approval (everything that loosens a control does). */
  public boolean timelocked() {
    return timelocked;
  }

  /** Carried out by the console itself rather than published on bridge.governance. */
  public boolean internal() {
    return this == GRANT_ADMIN || this == REVOKE_ADMIN;
  }
}
