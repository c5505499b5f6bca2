package org.fedbridge.validator.keys;

import org.fedbridge.core.threshold.PartialSignature;
import org.fedbridge.core.types.Bytes32;
import org.fedbridge.core.types.Result;

/**
 * Signs digests with this member's BLS key share of one epoch. The keystore signer implements it
 * today; a remote signer (an HSM or a Web3Signer-like service) can implement it later. The signing
 * protection wraps a {@code Signer} (a decorator, as Teku's {@code SlashingProtectedSigner} wraps
 * Teku's signer), so nothing signs without consulting it first.
 */
public interface Signer {
  /**
   * The partial signature of {@code digest} with the share of {@code epoch}, or a refusal (for
   * example {@code UNKNOWN_MEMBER} when this member holds no share for that epoch). Never signs
   * with another epoch's share.
   */
  Result<PartialSignature> sign(long epoch, Bytes32 digest);
}
