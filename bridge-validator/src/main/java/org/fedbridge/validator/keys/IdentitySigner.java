package org.fedbridge.validator.keys;

import org.fedbridge.core.dkg.IdentityPublicKey;
import org.fedbridge.core.types.Bytes32;

/**
 * Signs with this member's long-term secp256k1 identity key: every record it publishes on Kafka
 * (DKG messages, partials, heartbeats) carries such a signature, so nobody can speak under its
 * index.
 */
public interface IdentitySigner {
  IdentityPublicKey publicKey();

  /** 64-byte low-s ECDSA signature {@code r ‖ s} over {@code hash}. */
  byte[] sign(Bytes32 hash);

  /**
   * The signer for records of {@code epoch}: the identity key that epoch's member set lists for
   * this member (it differs from this one only during an identity rotation, see {@link
   * Identities}).
   */
  default IdentitySigner forEpoch(long epoch) {
    return this;
  }
}
