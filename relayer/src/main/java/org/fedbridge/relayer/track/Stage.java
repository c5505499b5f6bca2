package org.fedbridge.relayer.track;

/**
 * Where a transfer is. Deposits go {@code SEEN → FINAL → CERTIFIED → MINTED}; withdrawals go {@code
 * REQUESTED → CERTIFIED → ROOT_POSTED → CLAIMING → CLAIMED}, with a hold on the way when the vault
 * makes them wait ({@code CHALLENGE_WINDOW}, {@code DELAYED}, {@code RATE_LIMITED}, {@code PAUSED})
 * or the relayer does ({@code WAITING_FEES}, {@code BLOCKED}).
 */
public enum Stage {
  /** Deposit seen on L1, waiting for finality (k of N confirmations). */
  SEEN(10, false),
  /** Deposit final on L1, waiting for the federation's signatures (k of t). */
  FINAL(15, false),
  /** Withdrawal burned on the sidechain, waiting for the federation's signatures (k of t). */
  REQUESTED(10, false),
  /** A certificate (t signatures combined) verified by the relayer. */
  CERTIFIED(20, false),
  /** Deposit minted on the sidechain. */
  MINTED(100, true),
  /** The withdrawal's root is on L1; the withdrawal is about to be claimed. */
  ROOT_POSTED(30, false),
  /** The root is in its challenge window until the given time. */
  CHALLENGE_WINDOW(30, false),
  /** A large withdrawal the vault holds back until the given time. */
  DELAYED(30, false),
  /** The token's period limit is used up; claimable when the limit allows it again. */
  RATE_LIMITED(30, false),
  /** The vault is paused: nothing is paid until it is unpaused. */
  PAUSED(30, false),
  /** L1 fees are above the relayer's ceiling; anyone may still claim with the API's calldata. */
  WAITING_FEES(30, false),
  /** The vault cannot pay it now (for example the amount is above the period limit). */
  BLOCKED(30, false),
  /** A claim transaction is on its way. */
  CLAIMING(40, false),
  /** Paid on L1. */
  CLAIMED(100, true),
  /** The payout failed and the vault owes it: the recipient can pull it. */
  DEBT(95, false),
  /** The root was revoked: this withdrawal is never paid from it. */
  REVOKED(100, true),
  /** Something went wrong for good (for example an L1 reorg dropped the deposit). */
  FAILED(90, true);

  private final int rank;
  private final boolean terminal;

  Stage(int rank, boolean terminal) {
    this.rank = rank;
    this.terminal = terminal;
  }

  /** Progress order: a transfer never moves to a lower rank on news from a chain or Kafka. */
  public int rank() {
    return rank;
  }

  public boolean terminal() {
    return terminal;
  }

  /** Stages between the root posted on L1 and the claim, that the submitter may switch among. */
  public boolean isClaimHold() {
    return rank == 30 || this == CLAIMING;
  }
}
