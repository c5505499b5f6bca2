package org.fedbridge.validator.signing;

import org.fedbridge.validator.batch.ObservedBatch;

/** What the pipeline did with one batch. */
sealed interface SigningOutcome {

  /** Signed (and recorded by the protection); {@code batch} is what was signed. */
  record Signed(SignedPartial partial, boolean fresh, ObservedBatch batch)
      implements SigningOutcome {}

  /** Waiting at {@code stage}; retried later. */
  record Held(String stage, Verdict.Hold hold) implements SigningOutcome {}

  /** Refused at {@code stage}. */
  record Refused(String stage, Verdict.Refuse refuse) implements SigningOutcome {}
}
