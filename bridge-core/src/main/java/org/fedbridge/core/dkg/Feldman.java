package org.fedbridge.core.dkg;

import java.math.BigInteger;
import java.util.List;
import org.fedbridge.core.bls.Fields;
import org.fedbridge.core.bls.PublicKey;
import org.fedbridge.core.bls.SecretKey;
import org.fedbridge.core.types.Result;
import supranational.blst.P2;

/** Feldman verifiable secret sharing checks in G2 (Feldman 1987). */
final class Feldman {
  private Feldman() {}

  /**
   * {@code Σ_k C_k · x^k} by Horner's rule: {@code t} multiplications by the small public integer
   * {@code x} instead of {@code t} full-size scalar multiplications.
   */
  static P2 evaluate(List<PublicKey> commitments, int x) {
    BigInteger bx = BigInteger.valueOf(x);
    P2 acc = commitments.get(commitments.size() - 1).toP2();
    for (int k = commitments.size() - 2; k >= 0; k--) {
      acc.mult(bx).add(commitments.get(k).toP2());
    }
    return acc;
  }

  /** Does {@code share · G2 == Σ_k C_k · x^k}? False for a share outside {@code [1, r-1]}. */
  static boolean checkShare(List<PublicKey> commitments, int x, BigInteger share) {
    if (share.signum() <= 0 || share.compareTo(Fields.R) >= 0) {
      return false;
    }
    Result<SecretKey> sk = SecretKey.fromScalar(share);
    try (SecretKey k = sk.orThrow()) {
      return k.publicKey().toP2().is_equal(evaluate(commitments, x));
    }
  }
}
