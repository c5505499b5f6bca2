package org.fedbridge.validator.signing;

import java.util.List;
import java.util.Optional;
import org.fedbridge.core.types.Bytes32;
import org.fedbridge.validator.batch.ObservedBatch;

/**
 * The signing pipeline, its stages in one fixed order (Wormhole's processor is the model):
 *
 * <ol>
 *   <li>own observation — exactly what this validator's watcher stored;
 *   <li>limits — the vault's per-token period limit and large-withdrawal delay;
 *   <li>accountant — never more of a token than is locked for it on L1;
 *   <li>signing protection — one digest per (type, batch id, epoch), committed first;
 *   <li>partial signature — by the key {@code Signer}, inside the protection decorator.
 * </ol>
 *
 * Each check is a small class answering a {@link Verdict}; the first that does not pass decides.
 * Everything the checks read is in the {@link SigningContext}; the last two stages are the {@link
 * ProtectedSigner}.
 */
final class SigningPipeline {
  static final String PROTECTION = "signing-protection";

  private final List<SigningStage> checks =
      List.of(new OwnObservationCheck(), new LimitsCheck(), new AccountantCheck());
  private final ProtectedSigner signer;

  SigningPipeline(ProtectedSigner signer) {
    this.signer = signer;
  }

  SigningOutcome run(SigningRequest request, SigningContext context) {
    Optional<ObservedBatch> observed = context.observed().find(request.type(), request.batchId());
    SigningStage.Candidate candidate = new SigningStage.Candidate(request, observed);
    for (SigningStage stage : checks) {
      Verdict verdict = stage.check(candidate, context);
      if (verdict instanceof Verdict.Hold hold) {
        return new SigningOutcome.Held(stage.name(), hold);
      }
      if (verdict instanceof Verdict.Refuse refuse) {
        return new SigningOutcome.Refused(stage.name(), refuse);
      }
    }
    Bytes32 digest = request.message().digest(context.epoch().domain());
    SigningDecision decision =
        signer.sign(request.type(), request.batchId(), context.epoch().epoch(), digest);
    if (decision instanceof SigningDecision.Signed s) {
      return new SigningOutcome.Signed(s.partial(), s.fresh(), observed.orElseThrow());
    }
    SigningDecision.Refused r = (SigningDecision.Refused) decision;
    return new SigningOutcome.Refused(
        PROTECTION, new Verdict.Refuse(r.reason(), r.detail(), Optional.empty()));
  }
}
