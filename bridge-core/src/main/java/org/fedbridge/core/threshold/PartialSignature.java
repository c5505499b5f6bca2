package org.fedbridge.core.threshold;

import org.fedbridge.core.bls.Signature;

/**
 * A member's signature share {@code f(index) · H(digest)}. It is a valid BLS signature under the
 * member's share key only, never under the group key.
 */
public record PartialSignature(int index, Signature signature) {
  public PartialSignature {
    if (index < 1 || signature == null) {
      throw new IllegalArgumentException("partial needs index >= 1 and a signature");
    }
  }
}
