package org.fedbridge.validator.signing;

import java.time.Instant;
import java.util.Optional;
import org.fedbridge.core.types.Address;

/** What one pipeline stage decided about a batch: a value, never an exception. */
public sealed interface Verdict {

  /** On to the next stage. */
  record Pass() implements Verdict {}

  /**
   * Not now: the batch waits and is retried, never dropped.
   *
   * @param reason for operators (stored, shown in metrics and logs)
   * @param token the token that caused the hold, if one did
   * @param retryAt the earliest time it can pass, when known
   * @param keepsOrder true when later batches of the same token must wait behind this one (period
   *     limit and accountant holds), so that a large batch is not starved by smaller ones
   */
  record Hold(String reason, Optional<Address> token, Optional<Instant> retryAt, boolean keepsOrder)
      implements Verdict {}

  /** Refused, with the reason; what happens next is the signing loop's decision. */
  record Refuse(Refusal refusal, String detail, Optional<Address> token) implements Verdict {}

  Verdict PASS = new Pass();
}
