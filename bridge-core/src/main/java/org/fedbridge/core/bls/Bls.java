package org.fedbridge.core.bls;

import java.nio.charset.StandardCharsets;
import org.fedbridge.core.types.Bytes32;
import supranational.blst.BLST_ERROR;
import supranational.blst.P1;

/**
 * BLS12-381 signatures, minimal-signature-size variant (draft-irtf-cfrg-bls-signature-05 §2.1:
 * signatures in G1, public keys in G2), over 32-byte digests, with hash-to-G1 per RFC 9380 §3 and
 * §8.8.1, suite {@code BLS12381G1_XMD:SHA-256_SSWU_RO_}, and the bridge's DST.
 *
 * <p>All points handed to these methods are already validated by construction of {@link PublicKey}
 * and {@link Signature} (on curve, in subgroup, not infinity).
 */
public final class Bls {
  /** The bridge's domain separation tag (docs/encoding.md), 56 ASCII bytes. */
  public static final String DST = "FEDBRIDGE-V1-BLS_SIG_BLS12381G1_XMD:SHA-256_SSWU_RO_NUL_";

  static {
    Native.ensureLoaded();
  }

  private Bls() {}

  /** CoreSign (draft-irtf-cfrg-bls-signature-05 §2.6): {@code sk · H(digest)}. Constant time. */
  public static Signature sign(SecretKey sk, Bytes32 digest) {
    P1 h = new P1().hash_to(digest.bytes(), DST);
    return new Signature(h.sign_with(sk.nativeKey()).to_affine());
  }

  /**
   * CoreVerify (draft-irtf-cfrg-bls-signature-05 §2.7): {@code e(sig, G2) == e(H(digest), pk)}.
   * False for any signature that does not verify, including a partial signature checked against the
   * group key.
   */
  public static boolean verify(PublicKey pk, Bytes32 digest, Signature sig) {
    BLST_ERROR r = sig.affine().core_verify(pk.affine(), true, digest.bytes(), DST);
    return r == BLST_ERROR.BLST_SUCCESS;
  }

  /**
   * RFC 9380 §3 hash_to_curve for suite BLS12381G1_XMD:SHA-256_SSWU_RO_ (§8.8.1) with an arbitrary
   * DST; returns the 96-byte uncompressed {@code x ‖ y}. Exposed for the RFC test vectors; signing
   * always uses {@link #DST}.
   */
  public static byte[] hashToG1(byte[] msg, String dst) {
    if (!StandardCharsets.US_ASCII.newEncoder().canEncode(dst)) {
      throw new IllegalArgumentException("DST must be ASCII");
    }
    return new P1().hash_to(msg, dst).to_affine().serialize();
  }
}
