package org.fedbridge.core.dkg;

import java.math.BigInteger;
import java.util.Arrays;
import org.bouncycastle.crypto.params.ECPublicKeyParameters;
import org.bouncycastle.crypto.signers.ECDSASigner;
import org.bouncycastle.math.ec.ECPoint;
import org.fedbridge.core.types.Bytes32;
import org.fedbridge.core.types.Hex;
import org.fedbridge.core.types.Rejection;
import org.fedbridge.core.types.Result;

/** A secp256k1 public key, 33-byte SEC 1 compressed form, validated on construction. */
public final class IdentityPublicKey {
  private final byte[] compressed;
  private final ECPoint point;

  public IdentityPublicKey(byte[] compressed) {
    this.compressed = compressed.clone();
    this.point = decode(this.compressed).orThrow();
  }

  /** Checked decoding (SEC 1 §2.3.4): 33 bytes, on the curve, not infinity. */
  public static Result<ECPoint> decode(byte[] bytes) {
    if (bytes == null || bytes.length != 33 || (bytes[0] != 2 && bytes[0] != 3)) {
      return Result.err(Rejection.BAD_LENGTH, "identity key needs 33-byte compressed form");
    }
    try {
      ECPoint p = IdentityKey.CURVE.getCurve().decodePoint(bytes);
      // SECURITY: secp256k1 has cofactor 1, so on-curve and not infinity is enough.
      if (p.isInfinity() || !p.isValid()) {
        return Result.err(Rejection.NOT_ON_CURVE, "invalid identity key");
      }
      return Result.ok(p);
    } catch (IllegalArgumentException e) {
      return Result.err(Rejection.NOT_ON_CURVE, "invalid identity key: " + e.getMessage());
    }
  }

  ECPoint point() {
    return point;
  }

  public byte[] compressed() {
    return compressed.clone();
  }

  /** Verifies a 64-byte low-s ECDSA signature over {@code hash}. */
  public boolean verify(Bytes32 hash, byte[] sig) {
    if (sig == null || sig.length != 64) {
      return false;
    }
    BigInteger r = new BigInteger(1, Arrays.copyOfRange(sig, 0, 32));
    BigInteger s = new BigInteger(1, Arrays.copyOfRange(sig, 32, 64));
    BigInteger n = IdentityKey.CURVE.getN();
    // SECURITY: high-s or out-of-range values would make a second valid transcript encoding.
    if (r.signum() == 0
        || r.compareTo(n) >= 0
        || s.signum() == 0
        || s.compareTo(IdentityKey.HALF_N) > 0) {
      return false;
    }
    ECDSASigner v = new ECDSASigner();
    v.init(false, new ECPublicKeyParameters(point(), IdentityKey.DOMAIN));
    return v.verifySignature(hash.bytes(), r, s);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof IdentityPublicKey other && Arrays.equals(compressed, other.compressed);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(compressed);
  }

  @Override
  public String toString() {
    return Hex.encode(compressed);
  }
}
