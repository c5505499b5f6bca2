package org.fedbridge.core.dkg;

/** A DKG participant: share index (from 1), operator identity and identity public key. */
public record DkgMember(int index, String operatorId, IdentityPublicKey identity) {
  public DkgMember {
    if (index < 1 || operatorId == null || operatorId.isBlank() || identity == null) {
      throw new IllegalArgumentException("DkgMember needs index >= 1, operatorId and identity");
    }
  }
}
