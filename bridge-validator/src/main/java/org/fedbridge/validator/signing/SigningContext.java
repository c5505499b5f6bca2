package org.fedbridge.validator.signing;

import java.time.Instant;
import java.util.Map;
import org.fedbridge.core.types.Address;
import org.fedbridge.validator.batch.Batches;
import org.fedbridge.validator.federation.EpochView;

/**
 * Everything the pipeline reads, passed in: time, the epoch, this validator's own observations, the
 * limits read from L1, and the round's book of signed amounts. No stage does I/O of its own.
 *
 * @param now the round's time (from the injected {@code Clock})
 * @param epoch the active epoch this member signs for
 * @param observed this validator's own store of safe batches
 * @param limits per-token limits read from the vault; a token without an entry has unknown limits
 * @param book locked amounts, recent outflows and tokens queued behind a held batch
 */
record SigningContext(
    Instant now,
    EpochView epoch,
    Batches observed,
    Map<Address, TokenLimits> limits,
    SigningBook book) {
  public SigningContext {
    limits = Map.copyOf(limits);
  }
}
