package org.fedbridge.relayer.submit;

import java.util.Optional;

/** The submission feature's face for the API: whether and from which address it sends. */
public final class SubmitStatus {
  private final Optional<Submitter> submitter;

  SubmitStatus(Optional<Submitter> submitter) {
    this.submitter = submitter;
  }

  /** The gas-paying address, if the relayer submits at all. */
  public Optional<String> address() {
    return submitter.map(Submitter::address);
  }

  /** Withdrawals per {@code claimMany} at the configured gas budget. */
  public int claimBatchSize() {
    return submitter.map(Submitter::claimBatchSize).orElse(0);
  }
}
