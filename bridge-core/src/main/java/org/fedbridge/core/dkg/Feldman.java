package org.fedbridge.core.dkg;

import java.math.BigInteger;
import java.util.List;
import org.fedbridge.core.bls.Fields;
import org.fedbridge.core.bls.G2Polynomial;
import org.fedbridge.core.bls.PublicKey;
import org.fedbridge.core.bls.SecretKey;
import org.fedbridge.core.types.Result;
import supranational.blst.P2;

/** Feldman verifiable secret sharing checks in G2 (Feldman 1987). */
final class Feldman {
  private Feldman() {}

  static P2 evaluate(List<PublicKey> commitments, int x) {
    return G2Polynomial.evaluate(commitments, x);
  }

  /** Does {@code share · G2 == Σ_k C_k · x^k}? False for a share outside {@code [1, r-1]}. */
  static boolean checkShare(List<PublicKey> commitments, int x, BigInteger share) {
    return checkShare(evaluate(commitments, x), share);
  }

  /** Does {@code share · G2 == expected}? False for a share outside {@code [1, r-1]}. */
  static boolean checkShare(P2 expected, BigInteger share) {
    if (share.signum() <= 0 || share.compareTo(Fields.R) >= 0) {
      return false;
    }
    Result<SecretKey> sk = SecretKey.fromScalar(share);
    try (SecretKey k = sk.orThrow()) {
      return k.publicKey().toP2().is_equal(expected);
    }
  }
}
