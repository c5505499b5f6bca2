package org.fedbridge.validator.federation;

import java.util.Optional;
import org.fedbridge.core.threshold.PartialSignature;
import org.fedbridge.core.types.Bytes32;
import org.fedbridge.core.types.Rejection;
import org.fedbridge.core.types.Result;
import org.fedbridge.validator.keys.Signer;

/**
 * The {@link Signer} the service uses: it signs only for the epoch that is current on both chains,
 * only when this validator is a member of it, and only a partial that verifies under that member's
 * share key of the epoch (a wrong or stale share file never leaves the process). SECURITY:
 * threats.md row 11 — members of a not-yet-active epoch cannot sign, neither for their epoch nor
 * for the current one.
 */
final class CurrentEpochSigner implements Signer {
  private final Federations federations;
  private final Signer shares;

  CurrentEpochSigner(Federations federations, Signer shares) {
    this.federations = federations;
    this.shares = shares;
  }

  @Override
  public Result<PartialSignature> sign(long epoch, Bytes32 digest) {
    Optional<EpochView> current = federations.current();
    if (current.isEmpty()) {
      return Result.err(Rejection.BAD_MESSAGE, "no epoch is active on both chains: not signing");
    }
    EpochView view = current.get();
    if (view.epoch() != epoch) {
      return Result.err(
          Rejection.BAD_MESSAGE,
          "epoch " + epoch + " is not the active epoch " + view.epoch() + ": not signing");
    }
    if (view.myIndex().isEmpty()) {
      return Result.err(
          Rejection.UNKNOWN_MEMBER, "this validator is not a member of epoch " + epoch);
    }
    Result<PartialSignature> partial = shares.sign(epoch, digest);
    if (!partial.isOk()) {
      return partial;
    }
    PartialSignature p = partial.orThrow();
    if (p.index() != view.myIndex().getAsInt() || !view.verifier().verifyPartial(digest, p)) {
      return Result.err(
          Rejection.BAD_SIGNATURE,
          "the share for epoch " + epoch + " does not match this member's share key on the chains");
    }
    return partial;
  }
}
