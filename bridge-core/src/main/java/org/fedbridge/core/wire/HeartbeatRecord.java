package org.fedbridge.core.wire;

import java.util.Arrays;
import java.util.Optional;
import org.fedbridge.core.dkg.IdentityKey;
import org.fedbridge.core.dkg.IdentityPublicKey;
import org.fedbridge.core.threshold.ThresholdPolicy;
import org.fedbridge.core.types.Bytes32;
import org.fedbridge.core.types.Rejection;
import org.fedbridge.core.types.Result;
import org.fedbridge.core.types.UInt256;
import org.fedbridge.core.wire.Heartbeat.LastSigned;

/**
 * A signed {@link Heartbeat} on {@code bridge.heartbeats} (Kafka key: the 33-byte identity key).
 * Layout: {@code version = 1 ‖ kind = 0x03 ‖ operatorId str8 ‖ identity key (33) ‖ epoch u64 ‖
 * member index u32 ‖ timestamp u64 ‖ l1Head u64 ‖ l1SafeHead u64 ‖ l1Cursor u64 ‖ sidechainHead u64
 * ‖ sidechainCursor u64 ‖ last signed type u8 (0 = none) ‖ its batch id u256 ‖ its epoch u64 ‖
 * halted u8 ‖ haltReason str16 (UTF-8) ‖ software version str8 ‖ identity signature (64) over
 * keccak256("fedbridge.wire.Heartbeat.v1" ‖ all preceding bytes)}.
 *
 * <p>{@link #authenticate()} checks the signature against the key inside the record; consumers then
 * check that the key belongs to a known member or operator. Equality is over the bytes.
 */
public final class HeartbeatRecord {
  private final byte[] bytes;
  private final Heartbeat heartbeat;
  private final boolean signed;

  private HeartbeatRecord(byte[] bytes, Heartbeat heartbeat, boolean signed) {
    this.bytes = bytes;
    this.heartbeat = heartbeat;
    this.signed = signed;
  }

  /** A record to sign: the identity signature is still missing. */
  public static HeartbeatRecord unsigned(Heartbeat h) {
    Optional<LastSigned> last = h.lastSigned();
    byte[] b =
        new ByteWriter(WireFormat.KIND_HEARTBEAT)
            .str8(h.operatorId())
            .bytes(h.identityKey().compressed())
            .u64(h.epoch())
            .u32(h.memberIndex())
            .u64(h.timestampMillis())
            .u64(h.l1Head())
            .u64(h.l1SafeHead())
            .u64(h.l1Cursor())
            .u64(h.sidechainHead())
            .u64(h.sidechainCursor())
            .u8(last.map(l -> l.type().code()).orElse(0))
            .u256(last.map(LastSigned::batchId).orElse(UInt256.ZERO))
            .u64(last.map(LastSigned::epoch).orElse(0L))
            .u8(h.halted() ? 1 : 0)
            .utf16(h.haltReason())
            .str8(h.softwareVersion())
            .bytes(new byte[WireFormat.IDENTITY_SIG])
            .toBytes();
    return new HeartbeatRecord(b, h, false);
  }

  public Heartbeat heartbeat() {
    return heartbeat;
  }

  public Bytes32 signingHash() {
    return WireFormat.signingHash(
        WireFormat.HEARTBEAT_TAG, bytes, bytes.length - WireFormat.IDENTITY_SIG);
  }

  public HeartbeatRecord withIdentitySignature(byte[] signature) {
    if (signature == null || signature.length != WireFormat.IDENTITY_SIG) {
      throw new IllegalArgumentException("identity signature needs 64 bytes");
    }
    byte[] b = bytes.clone();
    System.arraycopy(signature, 0, b, b.length - WireFormat.IDENTITY_SIG, WireFormat.IDENTITY_SIG);
    return new HeartbeatRecord(b, heartbeat, true);
  }

  public HeartbeatRecord signedBy(IdentityKey key) {
    return withIdentitySignature(key.sign(signingHash()));
  }

  public byte[] encode() {
    if (!signed) {
      throw new IllegalStateException("heartbeat is not signed yet");
    }
    return bytes.clone();
  }

  /** The Kafka key: the 33-byte compressed identity key (compaction keeps each one's latest). */
  public byte[] kafkaKey() {
    return heartbeat.identityKey().compressed();
  }

  /** The 64-byte identity signature. */
  public byte[] identitySignature() {
    return Arrays.copyOfRange(bytes, bytes.length - WireFormat.IDENTITY_SIG, bytes.length);
  }

  /** Verifies the identity signature against the record's own identity key. */
  public Result<Void> authenticate() {
    // SECURITY: a heartbeat speaks only for the key that signed it; the caller maps the key to a
    // member, so nobody can report another validator as halted or lagging.
    if (!signed || !heartbeat.identityKey().verify(signingHash(), identitySignature())) {
      return Result.err(Rejection.BAD_MESSAGE, "identity signature of " + heartbeat.operatorId());
    }
    return Result.ok(null);
  }

  /**
   * Strict decoding: every field in range, no trailing bytes. The identity key is checked as a
   * secp256k1 point; the signature is not checked ({@link #authenticate()}).
   *
   * @return the record, or {@link Rejection#BAD_LENGTH}, {@link Rejection#UNSUPPORTED}, {@link
   *     Rejection#MALFORMED}, or the identity key's rejection
   */
  public static Result<HeartbeatRecord> decode(byte[] record) {
    if (record == null) {
      return Result.err(Rejection.BAD_LENGTH, "no heartbeat bytes");
    }
    try {
      ByteReader in = new ByteReader(record);
      WireFormat.header(in, WireFormat.KIND_HEARTBEAT, "heartbeat");
      String operator =
          in.str8(
              "operator id",
              1,
              Heartbeat.MAX_OPERATOR_ID,
              c -> (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-');
      byte[] key = in.take(33, "identity key");
      Result<?> point = IdentityPublicKey.decode(key);
      if (!point.isOk()) {
        return point.map(p -> null);
      }
      long epoch = in.u64("epoch");
      long index = in.u32();
      long[] v = new long[6];
      for (int i = 0; i < v.length; i++) {
        v[i] = in.u64("timestamp or block number");
      }
      int lastType = in.u8();
      UInt256 lastBatch = in.u256("last signed batch id");
      long lastEpoch = in.u64("last signed epoch");
      int halted = in.u8();
      String reason = in.utf16("halt reason", Heartbeat.MAX_HALT_REASON);
      String version = in.str8("software version", 0, Heartbeat.MAX_VERSION, Heartbeat::printable);
      in.take(WireFormat.IDENTITY_SIG, "identity signature");
      in.end("heartbeat");
      if (index > ThresholdPolicy.MAX_MEMBERS) {
        return Result.err(Rejection.MALFORMED, "member index " + index);
      }
      Optional<LastSigned> last = Optional.empty();
      if (lastType != 0) {
        WireType t = WireType.ofCode(lastType);
        if (t == null) {
          return Result.err(Rejection.MALFORMED, "message type code " + lastType);
        }
        last = Optional.of(new LastSigned(t, lastBatch, lastEpoch));
      } else if (lastBatch.value().signum() != 0 || lastEpoch != 0) {
        // SECURITY: one encoding per heartbeat: "none" has zero batch id and epoch.
        return Result.err(Rejection.MALFORMED, "last signed fields without a type");
      }
      if (halted > 1 || (halted == 0 && !reason.isEmpty())) {
        return Result.err(Rejection.MALFORMED, "halted flag or reason");
      }
      Heartbeat h =
          new Heartbeat(
              operator,
              new IdentityPublicKey(key),
              epoch,
              (int) index,
              v[0],
              v[1],
              v[2],
              v[3],
              v[4],
              v[5],
              last,
              halted == 1,
              reason,
              version);
      return Result.ok(new HeartbeatRecord(record.clone(), h, true));
    } catch (WireException e) {
      return e.toResult();
    } catch (IllegalArgumentException e) {
      // Backstop: a value constructor refused a field the checks above let through.
      return Result.err(Rejection.MALFORMED, e.getMessage());
    }
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof HeartbeatRecord other && Arrays.equals(bytes, other.bytes);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(bytes);
  }

  @Override
  public String toString() {
    return "HeartbeatRecord(" + heartbeat + ")";
  }
}
