package org.fedbridge.validator.consensus;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.bouncycastle.asn1.x9.X9ECParameters;
import org.bouncycastle.crypto.ec.CustomNamedCurves;
import org.bouncycastle.math.ec.ECAlgorithms;
import org.bouncycastle.math.ec.ECPoint;
import org.fedbridge.core.dkg.IdentityPublicKey;
import org.fedbridge.core.types.Bytes32;

/**
 * ECDSA public-key recovery on secp256k1 (SEC 1 §4.1.6) for 64-byte {@code r ‖ s} signatures
 * without a recovery id: at most two keys could have signed. Used only to name the member behind a
 * record that does not authenticate under the index it claims; never to authenticate.
 */
final class IdentityRecovery {
  private static final X9ECParameters CURVE = CustomNamedCurves.getByName("secp256k1");
  private static final BigInteger N = CURVE.getN();

  private IdentityRecovery() {}

  static List<IdentityPublicKey> candidates(Bytes32 hash, byte[] sig) {
    List<IdentityPublicKey> out = new ArrayList<>(2);
    if (sig == null || sig.length != 64) {
      return out;
    }
    BigInteger r = new BigInteger(1, Arrays.copyOfRange(sig, 0, 32));
    BigInteger s = new BigInteger(1, Arrays.copyOfRange(sig, 32, 64));
    if (r.signum() == 0 || r.compareTo(N) >= 0 || s.signum() == 0 || s.compareTo(N) >= 0) {
      return out;
    }
    BigInteger e = new BigInteger(1, hash.bytes());
    BigInteger rInv = r.modInverse(N);
    BigInteger u1 = N.subtract(e).multiply(rInv).mod(N);
    BigInteger u2 = s.multiply(rInv).mod(N);
    for (int parity = 0; parity < 2; parity++) {
      byte[] enc = new byte[33];
      enc[0] = (byte) (2 + parity);
      byte[] x = r.toByteArray();
      int len = Math.min(x.length, 32);
      System.arraycopy(x, x.length - len, enc, 33 - len, len);
      ECPoint bigR;
      try {
        bigR = CURVE.getCurve().decodePoint(enc);
      } catch (IllegalArgumentException notOnCurve) {
        continue;
      }
      ECPoint q = ECAlgorithms.sumOfTwoMultiplies(CURVE.getG(), u1, bigR, u2).normalize();
      if (!q.isInfinity()) {
        out.add(new IdentityPublicKey(q.getEncoded(true)));
      }
    }
    return out;
  }
}
