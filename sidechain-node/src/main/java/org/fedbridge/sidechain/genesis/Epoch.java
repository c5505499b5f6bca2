package org.fedbridge.sidechain.genesis;

import org.fedbridge.core.bls.PublicKey;
import org.fedbridge.core.threshold.MemberSet;

/**
 * A federation epoch: its number, group key and member set. Certificates are checked against the
 * current epoch only; the genesis file holds epoch 0 and each {@code EpochChange} the next.
 */
public record Epoch(long number, PublicKey groupKey, MemberSet members) {
  public Epoch {
    if (number < 0 || groupKey == null || members == null) {
      throw new IllegalArgumentException("invalid epoch");
    }
  }
}
