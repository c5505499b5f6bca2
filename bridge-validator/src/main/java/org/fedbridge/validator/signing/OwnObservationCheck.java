package org.fedbridge.validator.signing;

import java.util.Optional;
import org.fedbridge.validator.batch.ObservedBatch;

/**
 * Stage 1: sign only exactly what this validator's own watcher stored. The batch must be in the
 * store as a safe batch, and its stored items must give the very message that is about to be signed
 * (same type, id, root and count).
 */
final class OwnObservationCheck implements SigningStage {

  @Override
  public String name() {
    return "own-observation";
  }

  @Override
  public Verdict check(Candidate candidate, SigningContext context) {
    SigningRequest request = candidate.request();
    Optional<ObservedBatch> observed = candidate.observed();
    // SECURITY: nothing is signed that this validator did not read itself from a safe block.
    if (observed.isEmpty()) {
      return new Verdict.Refuse(
          Refusal.NOT_OBSERVED,
          request.type() + " " + request.batchId() + " is not in this validator's store",
          Optional.empty());
    }
    ObservedBatch batch = observed.get();
    // SECURITY: the stored items must give the message exactly (root and count), not just the id.
    if (batch.type() != request.type()
        || !batch.batchId().equals(request.batchId())
        || !batch.message().equals(request.message())) {
      return new Verdict.Refuse(
          Refusal.OBSERVATION_MISMATCH,
          request.type()
              + " "
              + request.batchId()
              + ": stored items give "
              + batch.message()
              + ", asked to sign "
              + request.message(),
          Optional.empty());
    }
    return Verdict.PASS;
  }
}
