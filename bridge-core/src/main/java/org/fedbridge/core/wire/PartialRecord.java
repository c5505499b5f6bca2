package org.fedbridge.core.wire;

import java.math.BigInteger;
import java.util.Arrays;
import org.fedbridge.core.bls.Signature;
import org.fedbridge.core.dkg.IdentityKey;
import org.fedbridge.core.dkg.IdentityPublicKey;
import org.fedbridge.core.threshold.PartialSignature;
import org.fedbridge.core.threshold.ThresholdPolicy;
import org.fedbridge.core.types.Bytes32;
import org.fedbridge.core.types.Rejection;
import org.fedbridge.core.types.Result;
import org.fedbridge.core.types.UInt256;

/**
 * A member's partial signature on {@code bridge.partials} (Kafka key: the digest). Exactly 191
 * bytes:
 *
 * <pre>
 * 0   u8    version = 1
 * 1   u8    kind = 0x01
 * 2   u8    message type code ({@link WireType})
 * 3   u64   epoch of the signing federation
 * 11  u256  batch id (L1 block, sidechain block, new epoch or governance nonce)
 * 43  b32   digest that was signed
 * 75  u32   member index, 1..1000
 * 79  48    partial signature, G1 compressed
 * 127 64    identity signature over keccak256("fedbridge.wire.Partial.v1" ‖ bytes[0..127))
 * </pre>
 *
 * <p>Consumers call, in this order: {@link #decode} (cheap: lengths and ranges only), {@link
 * #authenticate} with the identity key of ({@link #epoch()}, {@link #index()}) from their own
 * member list, then {@link #partial()} (point decompression with every check). So junk, even under
 * a real member's index, costs at most one ECDSA check and never a pairing. Equality is over the
 * bytes.
 */
public final class PartialRecord {
  /** Exact size of an encoded partial record. */
  public static final int LENGTH = 191;

  private static final int SIGNED = LENGTH - WireFormat.IDENTITY_SIG;
  private static final int POINT_AT = 79;

  private final byte[] bytes;
  private final boolean signed;

  private PartialRecord(byte[] bytes, boolean signed) {
    this.bytes = bytes;
    this.signed = signed;
  }

  /** A record to sign: the identity signature is still missing. */
  public static PartialRecord unsigned(
      WireType type, long epoch, UInt256 batchId, Bytes32 digest, PartialSignature partial) {
    if (type == null || batchId == null || digest == null || partial == null || epoch < 0) {
      throw new IllegalArgumentException("partial record needs every field and epoch >= 0");
    }
    if (partial.index() > ThresholdPolicy.MAX_MEMBERS) {
      throw new IllegalArgumentException("member index " + partial.index());
    }
    byte[] b =
        new ByteWriter(WireFormat.KIND_PARTIAL)
            .u8(type.code())
            .u64(epoch)
            .u256(batchId)
            .b32(digest)
            .u32(partial.index())
            .bytes(partial.signature().toCompressed())
            .bytes(new byte[WireFormat.IDENTITY_SIG])
            .toBytes();
    return new PartialRecord(b, false);
  }

  /** The hash the member's identity key signs. */
  public Bytes32 signingHash() {
    return WireFormat.signingHash(WireFormat.PARTIAL_TAG, bytes, SIGNED);
  }

  /** This record with its 64-byte identity signature ({@code r ‖ s}). */
  public PartialRecord withIdentitySignature(byte[] signature) {
    if (signature == null || signature.length != WireFormat.IDENTITY_SIG) {
      throw new IllegalArgumentException("identity signature needs 64 bytes");
    }
    byte[] b = bytes.clone();
    System.arraycopy(signature, 0, b, SIGNED, WireFormat.IDENTITY_SIG);
    return new PartialRecord(b, true);
  }

  /**
   * Signs with the member's identity key: {@code withIdentitySignature(key.sign(signingHash()))}.
   */
  public PartialRecord signedBy(IdentityKey key) {
    return withIdentitySignature(key.sign(signingHash()));
  }

  /** The 191 record bytes; only a signed record is encoded. */
  public byte[] encode() {
    if (!signed) {
      throw new IllegalStateException("partial record is not signed yet");
    }
    return bytes.clone();
  }

  /** The Kafka key: the digest's 32 bytes, so all partials of one digest share a partition. */
  public byte[] kafkaKey() {
    return Arrays.copyOfRange(bytes, 43, 75);
  }

  /**
   * Strict, cheap decoding: length, version, kind, message type code, epoch ≤ 2^63-1, index range.
   * Neither the identity signature nor the point is checked here.
   *
   * @return the record, or {@link Rejection#BAD_LENGTH}, {@link Rejection#UNSUPPORTED} (version or
   *     kind), {@link Rejection#MALFORMED} (type code, epoch), {@link Rejection#UNKNOWN_MEMBER}
   */
  public static Result<PartialRecord> decode(byte[] record) {
    if (record == null || record.length != LENGTH) {
      return Result.err(Rejection.BAD_LENGTH, "partial record needs " + LENGTH + " bytes");
    }
    try {
      ByteReader in = new ByteReader(record);
      WireFormat.header(in, WireFormat.KIND_PARTIAL, "partial");
      int code = in.u8();
      if (WireType.ofCode(code) == null) {
        return Result.err(Rejection.MALFORMED, "message type code " + code);
      }
      in.u64("epoch");
      in.take(64, "batch id and digest");
      long index = in.u32();
      if (index < 1 || index > ThresholdPolicy.MAX_MEMBERS) {
        return Result.err(Rejection.UNKNOWN_MEMBER, "member index " + index);
      }
      return Result.ok(new PartialRecord(record.clone(), true));
    } catch (WireException e) {
      return e.toResult();
    } catch (IllegalArgumentException e) {
      // Backstop: a value constructor refused a field the checks above let through.
      return Result.err(Rejection.MALFORMED, e.getMessage());
    }
  }

  /**
   * Verifies the identity signature over the raw bytes with the key the caller looked up for
   * ({@link #epoch()}, {@link #index()}).
   *
   * @return ok, or {@link Rejection#BAD_MESSAGE}
   */
  public Result<Void> authenticate(IdentityPublicKey memberKey) {
    // SECURITY: Kafka is untrusted: only the member's identity key speaks for its index.
    if (!signed || !memberKey.verify(signingHash(), identitySignature())) {
      return Result.err(Rejection.BAD_MESSAGE, "identity signature of member " + index());
    }
    return Result.ok(null);
  }

  /**
   * The partial signature, decompressed with every point check; call after {@link #authenticate}.
   */
  public Result<PartialSignature> partial() {
    return Signature.fromCompressed(Arrays.copyOfRange(bytes, POINT_AT, POINT_AT + 48))
        .map(s -> new PartialSignature(index(), s));
  }

  public WireType type() {
    return WireType.ofCode(bytes[2] & 0xff);
  }

  public long epoch() {
    return new ByteReader(Arrays.copyOfRange(bytes, 3, 11)).u64("epoch");
  }

  public UInt256 batchId() {
    return new UInt256(new BigInteger(1, Arrays.copyOfRange(bytes, 11, 43)));
  }

  public Bytes32 digest() {
    return new Bytes32(kafkaKey());
  }

  public int index() {
    return (int) new ByteReader(Arrays.copyOfRange(bytes, 75, 79)).u32();
  }

  /** The 64-byte identity signature (zeros while unsigned). */
  public byte[] identitySignature() {
    return Arrays.copyOfRange(bytes, SIGNED, LENGTH);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof PartialRecord other && Arrays.equals(bytes, other.bytes);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(bytes);
  }

  @Override
  public String toString() {
    return "PartialRecord("
        + type()
        + ", epoch "
        + epoch()
        + ", batch "
        + batchId()
        + ", member "
        + index()
        + ", digest "
        + digest()
        + ")";
  }
}
