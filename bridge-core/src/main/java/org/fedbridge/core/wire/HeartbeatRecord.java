package org.fedbridge.core.wire;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Optional;
import org.fedbridge.core.dkg.IdentityKey;
import org.fedbridge.core.dkg.IdentityPublicKey;
import org.fedbridge.core.message.MessageType;
import org.fedbridge.core.threshold.ThresholdPolicy;
import org.fedbridge.core.types.Rejection;
import org.fedbridge.core.types.Result;

/**
 * A validator's liveness report on {@code bridge.heartbeats} (Kafka key: epoch u64 ‖ index u16),
 * signed by its identity key.
 *
 * <p>Layout, 137-168 bytes: {@code 0xFB ‖ 0x01 ‖ 0x03 ‖ epoch u64 ‖ member index u16 ‖ sent at
 * (Unix ms) u64 ‖ L1 head u64 ‖ L1 safe head u64 ‖ L1 processed u64 ‖ sidechain head u64 ‖
 * sidechain processed u64 ‖ last signed type u8 (0 = none) ‖ last signed batch id u64 (0 if none) ‖
 * flags u8 (bit 0: signing halted; other bits 0) ‖ version length u8 (1-32) ‖ version (printable
 * ASCII) ‖ identity signature (64)}. Heads are consistent: processed ≤ safe head ≤ head on L1,
 * processed ≤ head on the sidechain.
 *
 * @param sentAtMillis when the validator built it, from its injected clock (Unix milliseconds)
 * @param l1Processed the last L1 block the validator's watcher has processed
 * @param sidechainProcessed the last sidechain block the validator's watcher has processed
 * @param lastSigned the last batch this member signed, if any
 * @param halted whether the validator has stopped signing (e.g. after an unexplained reorg)
 * @param version the software version, e.g. {@code 0.1.0}
 */
public record HeartbeatRecord(
    long epoch,
    int index,
    long sentAtMillis,
    long l1Head,
    long l1SafeHead,
    long l1Processed,
    long sidechainHead,
    long sidechainProcessed,
    Optional<BatchRef> lastSigned,
    boolean halted,
    String version) {

  static final int FIXED = WireFormat.HEADER + 8 + 2 + 6 * 8 + 1 + 8 + 1 + 1 + 64;
  public static final int MAX_VERSION = 32;

  public HeartbeatRecord {
    if (epoch < 0 || index < 1 || index > ThresholdPolicy.MAX_MEMBERS || sentAtMillis < 0) {
      throw new IllegalArgumentException("heartbeat needs epoch >= 0, a member index, a time");
    }
    if (l1Processed < 0 || sidechainProcessed < 0) {
      throw new IllegalArgumentException("block numbers must be >= 0");
    }
    if (l1Processed > l1SafeHead || l1SafeHead > l1Head || sidechainProcessed > sidechainHead) {
      throw new IllegalArgumentException("heads must satisfy processed <= safe head <= head");
    }
    if (lastSigned == null || !validVersion(version)) {
      throw new IllegalArgumentException("version must be 1-32 printable ASCII characters");
    }
  }

  /** How far the L1 watcher trails the safe head, in blocks. */
  public long l1Lag() {
    return l1SafeHead - l1Processed;
  }

  /** How far the sidechain watcher trails the sidechain head, in blocks. */
  public long sidechainLag() {
    return sidechainHead - sidechainProcessed;
  }

  /** The Kafka key: {@code epoch u64 ‖ index u16}, so compaction keeps each member's latest. */
  public byte[] kafkaKey() {
    byte[] k = new byte[10];
    for (int i = 0; i < 8; i++) {
      k[i] = (byte) (epoch >>> (56 - 8 * i));
    }
    k[8] = (byte) (index >>> 8);
    k[9] = (byte) index;
    return k;
  }

  public byte[] encode(IdentityKey signer) {
    byte[] v = version.getBytes(StandardCharsets.US_ASCII);
    byte[] body =
        new ByteWriter(WireFormat.HEARTBEAT)
            .u64(epoch)
            .u16(index)
            .u64(sentAtMillis)
            .u64(l1Head)
            .u64(l1SafeHead)
            .u64(l1Processed)
            .u64(sidechainHead)
            .u64(sidechainProcessed)
            .u8(lastSigned.map(b -> (int) WireFormat.code(b.type())).orElse(0))
            .u64(lastSigned.map(BatchRef::batchId).orElse(0L))
            .u8(halted ? 1 : 0)
            .u8(v.length)
            .bytes(v)
            .toBytes();
    return WireFormat.sign(body, signer);
  }

  /**
   * Decodes and authenticates a heartbeat. Never throws on any input.
   *
   * @return the heartbeat, or {@link Rejection#BAD_LENGTH}, {@link Rejection#MALFORMED}, {@link
   *     Rejection#UNSUPPORTED}, {@link Rejection#UNKNOWN_MEMBER}, {@link Rejection#BAD_MESSAGE}
   */
  public static Result<HeartbeatRecord> decode(byte[] record, IdentityDirectory directory) {
    Result<Void> h = WireFormat.header(record, WireFormat.HEARTBEAT, "heartbeat");
    if (!h.isOk()) {
      return h.map(v -> null);
    }
    if (record.length < FIXED + 1 || record.length > FIXED + MAX_VERSION) {
      return Result.err(Rejection.BAD_LENGTH, "heartbeat of " + record.length + " bytes");
    }
    ByteReader in = new ByteReader(record, WireFormat.HEADER);
    long epoch = in.u63();
    int index = in.u16();
    long[] longs = new long[6];
    for (int i = 0; i < longs.length; i++) {
      longs[i] = in.u63();
    }
    int lastType = in.u8();
    long lastBatch = in.u63();
    int flags = in.u8();
    int versionLength = in.u8();
    // SECURITY: one encoding per heartbeat: the length byte must account for every byte.
    if (record.length != FIXED + versionLength) {
      return Result.err(Rejection.BAD_LENGTH, "version length does not match the record size");
    }
    byte[] v = in.take(versionLength);
    String version = new String(v, StandardCharsets.US_ASCII);
    if (epoch < 0 || lastBatch < 0 || Arrays.stream(longs).anyMatch(x -> x < 0)) {
      return Result.err(Rejection.MALFORMED, "a number above 2^63 - 1");
    }
    if ((flags & ~1) != 0 || !validVersion(version)) {
      return Result.err(Rejection.MALFORMED, "unknown flags or a non-printable version");
    }
    Optional<BatchRef> last = Optional.empty();
    if (lastType != 0) {
      MessageType t = WireFormat.messageType(lastType);
      if (t == null) {
        return Result.err(Rejection.UNSUPPORTED, "message type " + lastType);
      }
      last = Optional.of(new BatchRef(t, lastBatch));
    } else if (lastBatch != 0) {
      return Result.err(Rejection.MALFORMED, "batch id without a type");
    }
    if (longs[3] > longs[2] || longs[2] > longs[1] || longs[5] > longs[4]) {
      return Result.err(Rejection.MALFORMED, "inconsistent heads");
    }
    if (index < 1 || index > ThresholdPolicy.MAX_MEMBERS) {
      return Result.err(Rejection.UNKNOWN_MEMBER, "member index " + index);
    }
    IdentityPublicKey sender = directory.identity(epoch, index).orElse(null);
    if (sender == null) {
      return Result.err(Rejection.UNKNOWN_MEMBER, "no member " + index + " in epoch " + epoch);
    }
    // SECURITY: only the member's identity key speaks for its index (a forged "halted" or lag
    // report under another index would mislead operators and the admin console).
    if (!WireFormat.verify(record, sender)) {
      return Result.err(Rejection.BAD_MESSAGE, "identity signature of member " + index);
    }
    return Result.ok(
        new HeartbeatRecord(
            epoch,
            index,
            longs[0],
            longs[1],
            longs[2],
            longs[3],
            longs[4],
            longs[5],
            last,
            flags == 1,
            version));
  }

  private static boolean validVersion(String v) {
    if (v == null || v.isEmpty() || v.length() > MAX_VERSION) {
      return false;
    }
    return v.chars().allMatch(c -> c >= 0x20 && c <= 0x7e);
  }
}
