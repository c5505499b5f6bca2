package org.fedbridge.core.dkg;

import java.math.BigInteger;
import java.security.SecureRandom;
import org.bouncycastle.asn1.x9.X9ECParameters;
import org.bouncycastle.crypto.digests.SHA256Digest;
import org.bouncycastle.crypto.ec.CustomNamedCurves;
import org.bouncycastle.crypto.params.ECDomainParameters;
import org.bouncycastle.crypto.params.ECPrivateKeyParameters;
import org.bouncycastle.crypto.signers.ECDSASigner;
import org.bouncycastle.crypto.signers.HMacDSAKCalculator;
import org.fedbridge.core.types.Bytes32;
import org.fedbridge.core.types.Rejection;
import org.fedbridge.core.types.Result;

/**
 * A member's long-term secp256k1 identity key: it signs DKG messages (ECDSA, SEC 1 §4.1, with RFC
 * 6979 deterministic nonces and low-s) and decrypts shares sent to it ({@link Ecies}). Never prints
 * itself; {@link #close()} forgets the scalar (BigInteger copies cannot be wiped in place; the
 * keystore's byte copy is wiped).
 */
public final class IdentityKey implements AutoCloseable {
  static final X9ECParameters CURVE = CustomNamedCurves.getByName("secp256k1");
  static final ECDomainParameters DOMAIN =
      new ECDomainParameters(CURVE.getCurve(), CURVE.getG(), CURVE.getN(), CURVE.getH());
  static final BigInteger HALF_N = CURVE.getN().shiftRight(1);

  private BigInteger secret;
  private final IdentityPublicKey publicKey;

  private IdentityKey(BigInteger secret) {
    this.secret = secret;
    this.publicKey = new IdentityPublicKey(CURVE.getG().multiply(secret).getEncoded(true));
  }

  public static IdentityKey random(SecureRandom rnd) {
    while (true) {
      BigInteger d = new BigInteger(256, rnd);
      if (d.signum() > 0 && d.compareTo(CURVE.getN()) < 0) {
        return new IdentityKey(d);
      }
    }
  }

  /** From a 32-byte big-endian scalar in {@code [1, n-1]}. */
  public static Result<IdentityKey> fromBytes(byte[] be32) {
    if (be32 == null || be32.length != 32) {
      return Result.err(Rejection.BAD_LENGTH, "identity key needs 32 bytes");
    }
    BigInteger d = new BigInteger(1, be32);
    if (d.signum() == 0 || d.compareTo(CURVE.getN()) >= 0) {
      return Result.err(Rejection.SCALAR_OUT_OF_RANGE, "identity key not in [1, n-1]");
    }
    return Result.ok(new IdentityKey(d));
  }

  public IdentityPublicKey publicKey() {
    return publicKey;
  }

  /** 32-byte big-endian scalar; the caller must wipe it. */
  public byte[] toBytes() {
    byte[] raw = live().toByteArray();
    byte[] out = new byte[32];
    int len = Math.min(raw.length, 32);
    System.arraycopy(raw, raw.length - len, out, 32 - len, len);
    java.util.Arrays.fill(raw, (byte) 0);
    return out;
  }

  /** ECDSA over a 32-byte hash, RFC 6979 nonce, low-s; 64 bytes {@code r ‖ s}. */
  public byte[] sign(Bytes32 hash) {
    ECDSASigner signer = new ECDSASigner(new HMacDSAKCalculator(new SHA256Digest()));
    signer.init(true, new ECPrivateKeyParameters(live(), DOMAIN));
    BigInteger[] rs = signer.generateSignature(hash.bytes());
    BigInteger s = rs[1].compareTo(HALF_N) > 0 ? CURVE.getN().subtract(rs[1]) : rs[1];
    byte[] out = new byte[64];
    put32(rs[0], out, 0);
    put32(s, out, 32);
    return out;
  }

  BigInteger scalar() {
    return live();
  }

  private BigInteger live() {
    if (secret == null) {
      throw new IllegalStateException("identity key is closed");
    }
    return secret;
  }

  static void put32(BigInteger v, byte[] out, int off) {
    byte[] raw = v.toByteArray();
    int len = Math.min(raw.length, 32);
    System.arraycopy(raw, raw.length - len, out, off + 32 - len, len);
  }

  @Override
  public void close() {
    secret = null;
  }

  @Override
  public String toString() {
    return "IdentityKey(<redacted>, " + publicKey + ")";
  }
}
