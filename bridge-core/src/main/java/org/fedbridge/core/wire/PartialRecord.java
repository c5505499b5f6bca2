package org.fedbridge.core.wire;

import org.fedbridge.core.bls.Signature;
import org.fedbridge.core.dkg.IdentityKey;
import org.fedbridge.core.dkg.IdentityPublicKey;
import org.fedbridge.core.message.MessageType;
import org.fedbridge.core.threshold.PartialSignature;
import org.fedbridge.core.threshold.ThresholdPolicy;
import org.fedbridge.core.types.Bytes32;
import org.fedbridge.core.types.Rejection;
import org.fedbridge.core.types.Result;

/**
 * A member's partial signature on {@code bridge.partials} (Kafka key: the 32-byte digest), signed
 * by the member's identity key so that nobody can publish under another member's index.
 *
 * <p>Layout, 166 bytes: {@code 0xFB ‖ 0x01 ‖ 0x01 ‖ epoch u64 ‖ message type u8 ‖ batch id u64 ‖
 * digest (32) ‖ member index u16 ‖ partial signature, G1 compressed (48) ‖ identity signature
 * (64)}. The digest is what was signed; a collector still compares it with the digest it computed
 * from its own observation, and never signs or certifies a digest only because it arrived here.
 *
 * @param epoch the signing federation's epoch
 * @param type the signed message's type
 * @param batchId the batch (L1 block number, sidechain block number, or the message's own id)
 * @param digest the signed digest
 * @param partial the member index and its BLS partial signature
 */
public record PartialRecord(
    long epoch, MessageType type, long batchId, Bytes32 digest, PartialSignature partial) {

  /** Exact size of an encoded partial record. */
  public static final int LENGTH = WireFormat.HEADER + 8 + 1 + 8 + 32 + 2 + 48 + 64;

  public PartialRecord {
    if (epoch < 0 || batchId < 0 || type == null || digest == null || partial == null) {
      throw new IllegalArgumentException("partial record needs epoch, type, batch id >= 0, digest");
    }
    if (partial.index() > ThresholdPolicy.MAX_MEMBERS) {
      throw new IllegalArgumentException("member index " + partial.index() + " too large");
    }
    WireFormat.code(type);
  }

  /** The member index the record speaks for. */
  public int index() {
    return partial.index();
  }

  /** The Kafka key: the digest, so every partial of one digest lands in one partition. */
  public byte[] kafkaKey() {
    return digest.bytes();
  }

  /** The record bytes, signed with the member's identity key. */
  public byte[] encode(IdentityKey signer) {
    byte[] body =
        new ByteWriter(WireFormat.PARTIAL)
            .u64(epoch)
            .u8(WireFormat.code(type))
            .u64(batchId)
            .bytes(digest.bytes())
            .u16(partial.index())
            .bytes(partial.signature().toCompressed())
            .toBytes();
    return WireFormat.sign(body, signer);
  }

  /**
   * Decodes and authenticates a record. Never throws on any input.
   *
   * @return the record, or {@link Rejection#BAD_LENGTH} (any size but {@link #LENGTH}), {@link
   *     Rejection#MALFORMED} (magic, a field out of range), {@link Rejection#UNSUPPORTED} (version,
   *     record type or message type unknown), {@link Rejection#UNKNOWN_MEMBER} (no identity for
   *     this index in this epoch), {@link Rejection#BAD_MESSAGE} (identity signature), or a point
   *     rejection for the partial signature
   */
  public static Result<PartialRecord> decode(byte[] record, IdentityDirectory directory) {
    Result<Void> h = WireFormat.header(record, WireFormat.PARTIAL, "partial");
    if (!h.isOk()) {
      return h.map(v -> null);
    }
    if (record.length != LENGTH) {
      return Result.err(Rejection.BAD_LENGTH, "partial record needs " + LENGTH + " bytes");
    }
    ByteReader in = new ByteReader(record, WireFormat.HEADER);
    long epoch = in.u63();
    int typeCode = in.u8();
    long batchId = in.u63();
    Bytes32 digest = new Bytes32(in.take(32));
    int index = in.u16();
    byte[] sig = in.take(48);
    if (epoch < 0 || batchId < 0) {
      return Result.err(Rejection.MALFORMED, "epoch or batch id above 2^63 - 1");
    }
    MessageType type = WireFormat.messageType(typeCode);
    if (type == null) {
      return Result.err(Rejection.UNSUPPORTED, "message type " + typeCode);
    }
    if (index < 1 || index > ThresholdPolicy.MAX_MEMBERS) {
      return Result.err(Rejection.UNKNOWN_MEMBER, "member index " + index);
    }
    IdentityPublicKey sender = directory.identity(epoch, index).orElse(null);
    if (sender == null) {
      return Result.err(Rejection.UNKNOWN_MEMBER, "no member " + index + " in epoch " + epoch);
    }
    // SECURITY: Kafka is untrusted: only member index's identity key speaks for index. Checked on
    // the raw bytes before any curve arithmetic, so junk under a real index costs one ECDSA check.
    if (!WireFormat.verify(record, sender)) {
      return Result.err(Rejection.BAD_MESSAGE, "identity signature of member " + index);
    }
    Result<Signature> point = Signature.fromCompressed(sig);
    if (!point.isOk()) {
      return point.map(s -> null);
    }
    return Result.ok(
        new PartialRecord(
            epoch, type, batchId, digest, new PartialSignature(index, point.orThrow())));
  }
}
