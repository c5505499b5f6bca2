package org.fedbridge.relayer.track;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.fedbridge.core.message.Deposit;
import org.fedbridge.core.message.MessageType;
import org.fedbridge.core.message.Withdrawal;
import org.fedbridge.core.types.Address;
import org.fedbridge.core.types.Bytes32;
import org.fedbridge.core.types.Rejection;
import org.fedbridge.core.types.Result;
import org.fedbridge.core.types.UInt256;

/**
 * Strict decoders for the two Kafka records the relayer reads, to the lead's wire specification
 * (WIRE.md, "Kafka records" in docs/architecture.md): certificates on {@code bridge.certificates}
 * and partial signatures on {@code bridge.partials}. They never throw on any input and bound every
 * count before allocating. Interim: bridge-core's {@code org.fedbridge.core.wire} codecs replace
 * this class when they land (the relayer then keeps only the checks it adds).
 *
 * <p>Points are not decompressed here; the callers verify signatures over digests they compute
 * themselves, so nothing in a record is trusted before that.
 */
final class WireRecords {
  static final int VERSION = 1;
  static final int KIND_PARTIAL = 1;
  static final int KIND_CERTIFICATE = 2;
  static final int MAX_ENTRIES = 4096;
  static final int ENTRY = 32 + 20 + 20 + 20 + 32;
  static final int PARTIAL_SIZE = 191;
  static final int MAX_MEMBERS = 1000;

  private WireRecords() {}

  /** A batch certificate: the batch's entries, the epoch that signed it and its signature. */
  record Certificate(
      MessageType type,
      long epoch,
      long batchId,
      List<Deposit> deposits,
      List<Withdrawal> withdrawals,
      byte[] signature) {}

  /** One member's partial signature over a digest. */
  record Partial(
      MessageType type, long epoch, long batchId, Bytes32 digest, int index, byte[] signature) {}

  static Result<Certificate> certificate(byte[] record) {
    if (record == null || record.length < 3) {
      return Result.err(Rejection.BAD_LENGTH, "certificate too short");
    }
    Reader in = new Reader(record);
    if (in.u8() != VERSION || in.u8() != KIND_CERTIFICATE) {
      return Result.err(Rejection.MALFORMED, "not a version 1 certificate record");
    }
    MessageType type = type(in.u8());
    if (type != MessageType.DEPOSIT_BATCH && type != MessageType.WITHDRAWAL_BATCH) {
      // EpochChange and governance certificates are not for the relayer.
      return Result.err(Rejection.MALFORMED, "not a deposit or withdrawal batch certificate");
    }
    long epoch = in.u64();
    long batchId = in.u256AsLong();
    long count = in.u32();
    if (!in.ok() || epoch < 0 || batchId < 0) {
      return Result.err(Rejection.MALFORMED, "epoch or batch id out of range");
    }
    // SECURITY: the count is bounded, and checked against the bytes there are, before allocating.
    if (count < 1 || count > MAX_ENTRIES || in.remaining() < count * ENTRY + 48 + 2 + 4) {
      return Result.err(Rejection.BAD_LENGTH, "entry count " + count);
    }
    List<Deposit> deposits = new ArrayList<>();
    List<Withdrawal> withdrawals = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      UInt256 nonce = new UInt256(in.u256());
      Address token = new Address(in.bytes(20));
      Address sender = new Address(in.bytes(20));
      Address recipient = new Address(in.bytes(20));
      UInt256 amount = new UInt256(in.u256());
      if (type == MessageType.DEPOSIT_BATCH) {
        deposits.add(new Deposit(nonce, token, sender, recipient, amount));
      } else {
        withdrawals.add(new Withdrawal(nonce, token, sender, recipient, amount));
      }
    }
    byte[] signature = in.bytes(48);
    int signers = in.u16();
    if (!in.ok() || signers < 1 || signers > MAX_MEMBERS) {
      return Result.err(Rejection.MALFORMED, "signer count");
    }
    if (in.remaining() != 2L * signers + 4) {
      return Result.err(Rejection.BAD_LENGTH, "signer list and combinedBy size");
    }
    int previous = 0;
    for (int i = 0; i < signers; i++) {
      int index = in.u16();
      if (index <= previous || index > MAX_MEMBERS) {
        return Result.err(Rejection.MALFORMED, "signers not strictly ascending member indexes");
      }
      previous = index;
    }
    in.u32(); // combinedBy: informational, not covered by the signature
    if (!in.ok() || in.remaining() != 0) {
      return Result.err(Rejection.BAD_LENGTH, "trailing bytes");
    }
    return Result.ok(
        new Certificate(
            type, epoch, batchId, List.copyOf(deposits), List.copyOf(withdrawals), signature));
  }

  static Result<Partial> partial(byte[] record) {
    if (record == null || record.length != PARTIAL_SIZE) {
      return Result.err(Rejection.BAD_LENGTH, "a partial record has 191 bytes");
    }
    Reader in = new Reader(record);
    if (in.u8() != VERSION || in.u8() != KIND_PARTIAL) {
      return Result.err(Rejection.MALFORMED, "not a version 1 partial record");
    }
    MessageType type = type(in.u8());
    long epoch = in.u64();
    long batchId = in.u256AsLong();
    Bytes32 digest = new Bytes32(in.bytes(32));
    long index = in.u32();
    byte[] signature = in.bytes(48);
    if (type == null || epoch < 0 || batchId < 0 || index < 1 || index > MAX_MEMBERS) {
      return Result.err(Rejection.MALFORMED, "type, epoch, batch id or member index");
    }
    return Result.ok(new Partial(type, epoch, batchId, digest, (int) index, signature));
  }

  private static MessageType type(int code) {
    return switch (code) {
      case 1 -> MessageType.DEPOSIT_BATCH;
      case 2 -> MessageType.WITHDRAWAL_BATCH;
      case 3 -> MessageType.EPOCH_CHANGE;
      case 4 -> MessageType.TOKEN_CONFIG;
      case 5 -> MessageType.PAUSER_UPDATE;
      case 6 -> MessageType.UNPAUSE;
      default -> null;
    };
  }

  /**
   * Big-endian reads that never throw: past the end they yield zeros and {@link #ok} turns false.
   */
  private static final class Reader {
    private final byte[] bytes;
    private int at;
    private boolean overrun;

    Reader(byte[] bytes) {
      this.bytes = bytes == null ? new byte[0] : bytes;
    }

    boolean ok() {
      return !overrun;
    }

    long remaining() {
      return overrun ? 0 : bytes.length - at;
    }

    byte[] bytes(int n) {
      if (at + n > bytes.length) {
        overrun = true;
        at = bytes.length;
        return new byte[n];
      }
      byte[] out = Arrays.copyOfRange(bytes, at, at + n);
      at += n;
      return out;
    }

    int u8() {
      return bytes(1)[0] & 0xff;
    }

    int u16() {
      return new BigInteger(1, bytes(2)).intValue();
    }

    long u32() {
      return new BigInteger(1, bytes(4)).longValue();
    }

    /** A u64 above {@code Long.MAX_VALUE} reads as -1 (refused by the caller). */
    long u64() {
      BigInteger v = new BigInteger(1, bytes(8));
      return v.bitLength() > 63 ? -1 : v.longValue();
    }

    BigInteger u256() {
      return new BigInteger(1, bytes(32));
    }

    /** A batch id: a u256 that must fit a block number; -1 otherwise. */
    long u256AsLong() {
      BigInteger v = u256();
      return v.bitLength() > 63 ? -1 : v.longValue();
    }
  }
}
