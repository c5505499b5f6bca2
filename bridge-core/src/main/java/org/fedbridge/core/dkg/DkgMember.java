package org.fedbridge.core.dkg;

import org.fedbridge.core.types.OperatorId;

/**
 * A DKG participant: share index (from 1), operator identity ({@link OperatorId} rule) and identity
 * public key.
 */
public record DkgMember(int index, String operatorId, IdentityPublicKey identity) {
  public DkgMember {
    if (index < 1 || identity == null) {
      throw new IllegalArgumentException("DkgMember needs index >= 1 and an identity key");
    }
    // SECURITY: issue 9 item 15 — plain ASCII operator ids only (check untrusted input first
    // with OperatorId.check to get a Result instead of this exception).
    OperatorId.check(operatorId).orThrow();
  }
}
