package org.fedbridge.core.threshold;

import org.fedbridge.core.bls.Bls;
import org.fedbridge.core.types.Bytes32;

/** Signs a digest with a secret share, giving a partial signature. */
public final class ThresholdSigner {
  private ThresholdSigner() {}

  /** {@code f(i) · H(digest)}, constant time in the share (blst {@code sign_with}). */
  public static PartialSignature partialSign(SecretShare share, Bytes32 digest) {
    return new PartialSignature(share.index(), Bls.sign(share.key(), digest));
  }
}
