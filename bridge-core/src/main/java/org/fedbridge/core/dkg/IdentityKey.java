package org.fedbridge.core.dkg;

import fr.acinq.secp256k1.Secp256k1;
import fr.acinq.secp256k1.Secp256k1Exception;
import java.math.BigInteger;
import java.security.SecureRandom;
import java.util.Arrays;
import org.fedbridge.core.types.Bytes32;
import org.fedbridge.core.types.Rejection;
import org.fedbridge.core.types.Result;

/**
 * A member's long-term secp256k1 identity key: it signs DKG and Kafka records (ECDSA, SEC 1 §4.1,
 * RFC 6979 deterministic nonces, low-s) and agrees keys for the shares sent to it ({@link Ecies}).
 *
 * <p>SECURITY: every operation on the secret scalar runs in Bitcoin Core's libsecp256k1 (through
 * ACINQ's JNI binding), whose signing and ECDH are constant-time; Bouncy Castle's variable-time
 * multiplier never sees it (issue 9 item 14). Never prints itself; {@link #close()} zeroes the
 * scalar.
 */
public final class IdentityKey implements AutoCloseable {
  static final Secp256k1 SECP = Secp256k1.Companion.get();

  /** The order of the secp256k1 group. */
  static final BigInteger N =
      new BigInteger("FFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFEBAAEDCE6AF48A03BBFD25E8CD0364141", 16);

  static final BigInteger HALF_N = N.shiftRight(1);

  private byte[] secret;
  private final IdentityPublicKey publicKey;

  private IdentityKey(byte[] secret) {
    this.secret = secret;
    this.publicKey =
        IdentityPublicKey.decode(SECP.pubKeyCompress(SECP.pubkeyCreate(secret))).orThrow();
  }

  public static IdentityKey random(SecureRandom rnd) {
    byte[] d = new byte[32];
    while (true) {
      rnd.nextBytes(d);
      if (SECP.secKeyVerify(d)) {
        return new IdentityKey(d);
      }
    }
  }

  /** From a 32-byte big-endian scalar in {@code [1, n-1]} (the caller wipes its copy). */
  public static Result<IdentityKey> fromBytes(byte[] be32) {
    if (be32 == null || be32.length != 32) {
      return Result.err(Rejection.BAD_LENGTH, "identity key needs 32 bytes");
    }
    if (!SECP.secKeyVerify(be32)) {
      return Result.err(Rejection.SCALAR_OUT_OF_RANGE, "identity key not in [1, n-1]");
    }
    return Result.ok(new IdentityKey(be32.clone()));
  }

  public IdentityPublicKey publicKey() {
    return publicKey;
  }

  /** 32-byte big-endian scalar; the caller must wipe it. */
  public byte[] toBytes() {
    return live().clone();
  }

  /** ECDSA over a 32-byte hash, RFC 6979 nonce, low-s; 64 bytes {@code r ‖ s}. */
  public byte[] sign(Bytes32 hash) {
    byte[] sig = SECP.sign(hash.bytes(), live());
    if (sig.length != 64) {
      throw new IllegalStateException("libsecp256k1 returned a " + sig.length + "-byte signature");
    }
    return sig;
  }

  /**
   * Constant-time ECDH with {@code peer}: SHA-256 of the compressed shared point (libsecp256k1's
   * default ECDH hash). The caller must wipe the result.
   */
  byte[] agree(IdentityPublicKey peer) {
    try {
      return SECP.ecdh(live(), peer.compressed());
    } catch (Secp256k1Exception e) {
      throw new IllegalStateException("ECDH failed on a validated key", e);
    }
  }

  private byte[] live() {
    byte[] s = secret;
    if (s == null) {
      throw new IllegalStateException("identity key is closed");
    }
    return s;
  }

  static void put32(BigInteger v, byte[] out, int off) {
    byte[] raw = v.toByteArray();
    int len = Math.min(raw.length, 32);
    System.arraycopy(raw, raw.length - len, out, off + 32 - len, len);
  }

  @Override
  public void close() {
    byte[] s = secret;
    secret = null;
    if (s != null) {
      Arrays.fill(s, (byte) 0);
    }
  }

  @Override
  public String toString() {
    return "IdentityKey(<redacted>, " + publicKey + ")";
  }
}
