package org.fedbridge.validator.consensus;

import org.fedbridge.validator.signing.SignedPartial;

/**
 * Sends this member's partial signatures to the federation (the {@code bridge.partials} topic,
 * authenticated with the identity key). Idempotent: publishing the same partial twice is harmless.
 */
public interface PartialPublisher {
  void publish(SignedPartial partial);
}
