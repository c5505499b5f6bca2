package org.fedbridge.validator.consensus;

import org.fedbridge.core.dkg.IdentityPublicKey;
import org.fedbridge.core.threshold.PartialSignature;
import org.fedbridge.core.types.Bytes32;
import org.fedbridge.core.types.Result;

/**
 * A partial-signature record as read from {@code bridge.partials}: decoded cheaply (no point
 * decompression, no signature check), so that junk costs nothing before it is authenticated. The
 * Kafka adapter ({@link PartialWire}) implements it over bridge-core's wire codec.
 */
interface PartialEnvelope {
  BatchKey key();

  /** The digest the member claims to have signed. */
  Bytes32 digest();

  /** The member index the record speaks for (not yet authenticated). */
  int index();

  /** The record exactly as read (compared byte for byte to spot re-publications). */
  byte[] raw();

  /** Whether the record's identity signature is {@code key}'s. */
  boolean authenticate(IdentityPublicKey key);

  /**
   * The public keys that could have made the identity signature (ECDSA recovery), to name the
   * member behind a record that fails to authenticate under the index it claims.
   */
  java.util.List<IdentityPublicKey> possibleSigners();

  /** Decompresses the partial signature with every point check. Call only once authenticated. */
  Result<PartialSignature> partial();
}
