package org.fedbridge.validator.consensus;

import java.time.Instant;
import org.fedbridge.core.threshold.PartialSignature;

/**
 * A member's authenticated partial for one batch: the only one this validator keeps for that member
 * and batch. Its point is decompressed at most once and it is verified (paired) at most once,
 * whatever else arrives.
 */
final class Candidate {
  enum Verdict {
    UNVERIFIED,
    GOOD,
    BAD
  }

  private final PartialEnvelope envelope;
  private final Instant receivedAt;
  private Verdict verdict;
  private PartialSignature point;

  Candidate(PartialEnvelope envelope, Instant receivedAt, Verdict verdict) {
    this.envelope = envelope;
    this.receivedAt = receivedAt;
    this.verdict = verdict;
  }

  PartialEnvelope envelope() {
    return envelope;
  }

  int index() {
    return envelope.index();
  }

  Instant receivedAt() {
    return receivedAt;
  }

  Verdict verdict() {
    return verdict;
  }

  void verdict(Verdict verdict) {
    this.verdict = verdict;
  }

  /** The decompressed point, once {@link #point(PartialSignature)} has been called. */
  PartialSignature point() {
    return point;
  }

  void point(PartialSignature point) {
    this.point = point;
  }
}
