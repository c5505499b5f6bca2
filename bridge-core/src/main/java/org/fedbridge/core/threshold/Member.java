package org.fedbridge.core.threshold;

import org.fedbridge.core.bls.PublicKey;

/**
 * One federation member in an epoch: share index (from 1), operator identity (who runs it) and the
 * share public key.
 */
public record Member(int index, String operatorId, PublicKey sharePk) {
  public Member {
    if (index < 1) {
      throw new IllegalArgumentException("member index starts at 1");
    }
    if (operatorId == null || operatorId.isBlank()) {
      throw new IllegalArgumentException("operatorId must not be blank");
    }
    if (sharePk == null) {
      throw new IllegalArgumentException("sharePk must not be null");
    }
  }
}
