package org.fedbridge.core.dkg;

import fr.acinq.secp256k1.Secp256k1Exception;
import java.math.BigInteger;
import java.util.Arrays;
import org.fedbridge.core.types.Bytes32;
import org.fedbridge.core.types.Hex;
import org.fedbridge.core.types.Rejection;
import org.fedbridge.core.types.Result;

/** A secp256k1 public key, 33-byte SEC 1 compressed form, validated on construction. */
public final class IdentityPublicKey {
  private final byte[] compressed;

  /** For bytes {@link #decode} has checked (the flag only tells this constructor apart). */
  private IdentityPublicKey(byte[] compressed, boolean parsed) {
    this.compressed = compressed;
  }

  /**
   * From the 33-byte compressed form.
   *
   * @throws IllegalArgumentException if it is not a valid key (use {@link #decode} for untrusted
   *     input)
   */
  public IdentityPublicKey(byte[] compressed) {
    this(decode(compressed).orThrow().compressed, true);
  }

  /** Checked decoding (SEC 1 §2.3.4): 33 bytes, prefix 2 or 3, x on the curve. */
  public static Result<IdentityPublicKey> decode(byte[] bytes) {
    if (bytes == null || bytes.length != 33 || (bytes[0] != 2 && bytes[0] != 3)) {
      return Result.err(Rejection.BAD_LENGTH, "identity key needs 33-byte compressed form");
    }
    try {
      // SECURITY: secp256k1 has cofactor 1, so a point that parses (on the curve, not infinity)
      // is a valid public key.
      IdentityKey.SECP.pubkeyParse(bytes);
    } catch (Secp256k1Exception | IllegalArgumentException e) {
      return Result.err(Rejection.NOT_ON_CURVE, "invalid identity key");
    }
    return Result.ok(new IdentityPublicKey(bytes.clone(), true));
  }

  public byte[] compressed() {
    return compressed.clone();
  }

  /** Verifies a 64-byte low-s ECDSA signature {@code r ‖ s} over {@code hash}. */
  public boolean verify(Bytes32 hash, byte[] sig) {
    if (sig == null || sig.length != 64) {
      return false;
    }
    BigInteger r = new BigInteger(1, Arrays.copyOfRange(sig, 0, 32));
    BigInteger s = new BigInteger(1, Arrays.copyOfRange(sig, 32, 64));
    // SECURITY: high-s or out-of-range values would give a second valid encoding of one signature.
    if (r.signum() == 0
        || r.compareTo(IdentityKey.N) >= 0
        || s.signum() == 0
        || s.compareTo(IdentityKey.HALF_N) > 0) {
      return false;
    }
    try {
      return IdentityKey.SECP.verify(sig, hash.bytes(), compressed);
    } catch (Secp256k1Exception | IllegalArgumentException e) {
      return false;
    }
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
