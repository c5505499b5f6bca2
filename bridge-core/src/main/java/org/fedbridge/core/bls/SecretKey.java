package org.fedbridge.core.bls;

import java.math.BigInteger;
import java.security.SecureRandom;
import java.util.Arrays;
import org.fedbridge.core.types.Rejection;
import org.fedbridge.core.types.Result;
import supranational.blst.P2;

/**
 * A BLS secret scalar in {@code [1, r-1]}. Never prints itself; {@link #close()} overwrites the
 * Java copy and the native blst copy with zeros (the JVM may still have moved older copies during
 * GC; this is the best the platform allows).
 */
public final class SecretKey implements AutoCloseable {
  private final byte[] bytes;
  private final supranational.blst.SecretKey native_;
  private boolean closed;

  private SecretKey(byte[] be32) {
    this.bytes = be32;
    this.native_ = new supranational.blst.SecretKey();
    this.native_.from_bendian(be32);
  }

  /** Decodes a 32-byte big-endian scalar; refuses 0 and values ≥ r. */
  public static Result<SecretKey> fromBytes(byte[] be32) {
    Native.ensureLoaded();
    if (be32 == null || be32.length != 32) {
      return Result.err(Rejection.BAD_LENGTH, "secret key needs 32 bytes");
    }
    BigInteger k = new BigInteger(1, be32);
    // SECURITY: a zero key signs everything as infinity; ≥ r is a non-canonical alias.
    if (k.signum() == 0 || k.compareTo(Fields.R) >= 0) {
      return Result.err(Rejection.SCALAR_OUT_OF_RANGE, "secret key not in [1, r-1]");
    }
    return Result.ok(new SecretKey(be32.clone()));
  }

  /** From a scalar in {@code [1, r-1]}; used by Shamir and the DKG. */
  public static Result<SecretKey> fromScalar(BigInteger k) {
    if (k.signum() <= 0 || k.compareTo(Fields.R) >= 0) {
      return Result.err(Rejection.SCALAR_OUT_OF_RANGE, "secret key not in [1, r-1]");
    }
    byte[] tmp = toBytes32(k);
    try {
      return fromBytes(tmp);
    } finally {
      Arrays.fill(tmp, (byte) 0);
    }
  }

  /** A uniformly random key in {@code [1, r-1]}. */
  public static SecretKey random(SecureRandom rnd) {
    while (true) {
      BigInteger k = new BigInteger(256, rnd);
      if (k.signum() > 0 && k.compareTo(Fields.R) < 0) {
        return fromScalar(k).orThrow();
      }
    }
  }

  /**
   * Deterministic key from input keying material, per draft-irtf-cfrg-bls-signature-05 §2.3 KeyGen
   * (HKDF-SHA256, salt "BLS-SIG-KEYGEN-SALT-"), as implemented by blst. Used for golden vectors and
   * tests only; production keys come from the DKG.
   */
  public static SecretKey keyGen(byte[] ikm) {
    if (ikm.length < 32) {
      throw new IllegalArgumentException("KeyGen needs at least 32 bytes of IKM");
    }
    Native.ensureLoaded();
    supranational.blst.SecretKey sk = new supranational.blst.SecretKey();
    sk.keygen(ikm);
    return fromBytes(sk.to_bendian()).orThrow();
  }

  /** The public key {@code sk · G2}. */
  public PublicKey publicKey() {
    checkOpen();
    return new PublicKey(new P2(native_).to_affine());
  }

  /** A copy of the 32-byte big-endian scalar. The caller must wipe it. */
  public byte[] toBytes() {
    checkOpen();
    return bytes.clone();
  }

  /** The scalar, for Shamir/DKG arithmetic (not constant time; do not use on a hot path). */
  public BigInteger toScalar() {
    checkOpen();
    return new BigInteger(1, bytes);
  }

  supranational.blst.SecretKey nativeKey() {
    checkOpen();
    return native_;
  }

  private void checkOpen() {
    if (closed) {
      throw new IllegalStateException("secret key is closed");
    }
  }

  @Override
  public void close() {
    if (!closed) {
      Arrays.fill(bytes, (byte) 0);
      native_.from_bendian(new byte[32]);
      closed = true;
    }
  }

  public boolean isClosed() {
    return closed;
  }

  @Override
  public String toString() {
    return "SecretKey(<redacted>)";
  }

  static byte[] toBytes32(BigInteger k) {
    byte[] raw = k.toByteArray();
    byte[] out = new byte[32];
    int len = Math.min(raw.length, 32);
    System.arraycopy(raw, raw.length - len, out, 32 - len, len);
    Arrays.fill(raw, (byte) 0);
    return out;
  }
}
