package org.fedbridge.core.wire;

import java.util.List;
import org.fedbridge.core.bls.Signature;
import org.fedbridge.core.message.DepositBatch;
import org.fedbridge.core.message.Domain;
import org.fedbridge.core.message.MessageType;
import org.fedbridge.core.message.SignedMessage;
import org.fedbridge.core.message.WithdrawalBatch;
import org.fedbridge.core.threshold.ThresholdPolicy;
import org.fedbridge.core.types.Bytes32;
import org.fedbridge.core.types.Rejection;
import org.fedbridge.core.types.Result;
import org.fedbridge.core.types.UInt256;

/**
 * A combined batch certificate on {@code bridge.certificates} (compacted; Kafka key: message type
 * u8 ‖ batch id u64). It carries the batch's payload, not its digest: a consumer recomputes the
 * digest under its own {@link Domain} ({@link #digest}) and verifies the group signature against
 * its epoch's group key. Nothing in it is trusted before that check; the signer list is what the
 * combining validator reports, for metrics only (a BLS group signature does not show who signed).
 *
 * <p>Layout, {@code 106 + 2k} bytes: {@code 0xFB ‖ 0x01 ‖ 0x02 ‖ message type u8 (1 = DepositBatch,
 * 2 = WithdrawalBatch) ‖ epoch u64 ‖ batch id u64 ‖ root (32, not zero) ‖ leaf count u32 (≥ 1) ‖
 * group signature, G1 compressed (48) ‖ signer count k u16 (1-1000) ‖ k member indexes u16,
 * strictly ascending, each 1-1000}.
 */
public record CertificateRecord(
    MessageType type,
    long epoch,
    long batchId,
    Bytes32 root,
    long leafCount,
    Signature signature,
    List<Integer> signers) {

  static final int FIXED = WireFormat.HEADER + 1 + 8 + 8 + 32 + 4 + 48 + 2;

  public CertificateRecord {
    if (type != MessageType.DEPOSIT_BATCH && type != MessageType.WITHDRAWAL_BATCH) {
      throw new IllegalArgumentException("certificates carry deposit or withdrawal batches");
    }
    if (epoch < 0 || batchId < 0 || leafCount < 1 || leafCount > 0xffff_ffffL) {
      throw new IllegalArgumentException("epoch, batch id >= 0 and leaf count in [1, 2^32)");
    }
    if (root == null || root.equals(Bytes32.ZERO) || signature == null) {
      throw new IllegalArgumentException("certificate needs a non-zero root and a signature");
    }
    signers = List.copyOf(signers);
    if (!ascendingIndexes(signers)) {
      throw new IllegalArgumentException("signers must be 1-1000 member indexes, ascending");
    }
  }

  /** The signed message this certificate is for. */
  public SignedMessage message() {
    UInt256 id = UInt256.of(batchId);
    UInt256 count = UInt256.of(leafCount);
    return type == MessageType.DEPOSIT_BATCH
        ? new DepositBatch(id, root, count)
        : new WithdrawalBatch(id, root, count);
  }

  /**
   * The digest under the consumer's own domain, or {@link Rejection#BAD_MESSAGE} if the record
   * names another epoch than {@code domain}'s.
   */
  public Result<Bytes32> digest(Domain domain) {
    // SECURITY: the epoch on the wire must be the one the consumer verifies under.
    if (!domain.epoch().equals(UInt256.of(epoch))) {
      return Result.err(Rejection.BAD_MESSAGE, "certificate epoch " + epoch);
    }
    return Result.ok(message().digest(domain));
  }

  /** The Kafka key: {@code message type u8 ‖ batch id u64}; compaction keeps one per batch. */
  public byte[] kafkaKey() {
    byte[] k = new byte[9];
    k[0] = WireFormat.code(type);
    for (int i = 0; i < 8; i++) {
      k[1 + i] = (byte) (batchId >>> (56 - 8 * i));
    }
    return k;
  }

  public byte[] encode() {
    ByteWriter w =
        new ByteWriter(WireFormat.CERTIFICATE)
            .u8(WireFormat.code(type))
            .u64(epoch)
            .u64(batchId)
            .bytes(root.bytes())
            .u32(leafCount)
            .bytes(signature.toCompressed())
            .u16(signers.size());
    signers.forEach(w::u16);
    return w.toBytes();
  }

  /**
   * Decodes a certificate record. Never throws on any input. The group signature is checked as a
   * point (canonical, on curve, in subgroup, not infinity), not verified: see {@link #digest}.
   *
   * @return the record, or {@link Rejection#BAD_LENGTH}, {@link Rejection#MALFORMED}, {@link
   *     Rejection#UNSUPPORTED}, or a point rejection
   */
  public static Result<CertificateRecord> decode(byte[] record) {
    Result<Void> h = WireFormat.header(record, WireFormat.CERTIFICATE, "certificate");
    if (!h.isOk()) {
      return h.map(v -> null);
    }
    if (record.length < FIXED + 2 || (record.length - FIXED) % 2 != 0) {
      return Result.err(Rejection.BAD_LENGTH, "certificate of " + record.length + " bytes");
    }
    ByteReader in = new ByteReader(record, WireFormat.HEADER);
    int typeCode = in.u8();
    long epoch = in.u63();
    long batchId = in.u63();
    Bytes32 root = new Bytes32(in.take(32));
    long leafCount = in.u32();
    byte[] sig = in.take(48);
    int k = in.u16();
    if (k < 1 || k > ThresholdPolicy.MAX_MEMBERS || record.length != FIXED + 2 * k) {
      return Result.err(Rejection.BAD_LENGTH, "signer count does not match the record size");
    }
    Integer[] signers = new Integer[k];
    for (int i = 0; i < k; i++) {
      signers[i] = in.u16();
    }
    MessageType type = WireFormat.messageType(typeCode);
    if (type != MessageType.DEPOSIT_BATCH && type != MessageType.WITHDRAWAL_BATCH) {
      return Result.err(Rejection.UNSUPPORTED, "certificate for message type " + typeCode);
    }
    // SECURITY: a zero root or an empty batch is never certified (threats.md row 3, Nomad).
    if (epoch < 0 || batchId < 0 || leafCount < 1 || root.equals(Bytes32.ZERO)) {
      return Result.err(Rejection.MALFORMED, "epoch, batch id, leaf count or root out of range");
    }
    // SECURITY: one encoding per certificate: signers strictly ascending, no repeats.
    if (!ascendingIndexes(List.of(signers))) {
      return Result.err(Rejection.MALFORMED, "signers not strictly ascending member indexes");
    }
    Result<Signature> point = Signature.fromCompressed(sig);
    if (!point.isOk()) {
      return point.map(s -> null);
    }
    return Result.ok(
        new CertificateRecord(
            type, epoch, batchId, root, leafCount, point.orThrow(), List.of(signers)));
  }

  private static boolean ascendingIndexes(List<Integer> s) {
    if (s.isEmpty() || s.size() > ThresholdPolicy.MAX_MEMBERS) {
      return false;
    }
    int prev = 0;
    for (int i : s) {
      if (i <= prev || i > ThresholdPolicy.MAX_MEMBERS) {
        return false;
      }
      prev = i;
    }
    return true;
  }
}
