package org.fedbridge.validator.consensus;

import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.fedbridge.core.bls.Bls;
import org.fedbridge.core.bls.Signature;
import org.fedbridge.core.message.Deposit;
import org.fedbridge.core.message.DepositBatch;
import org.fedbridge.core.message.MessageType;
import org.fedbridge.core.message.Withdrawal;
import org.fedbridge.core.message.WithdrawalBatch;
import org.fedbridge.core.threshold.ThresholdPolicy;
import org.fedbridge.core.types.Address;
import org.fedbridge.core.types.Bytes32;
import org.fedbridge.core.types.Rejection;
import org.fedbridge.core.types.Result;
import org.fedbridge.core.types.UInt256;
import org.fedbridge.validator.batch.ObservedBatch;
import org.fedbridge.validator.federation.EpochView;

/**
 * The certificate record of {@code bridge.certificates} (docs/architecture.md, "Kafka records"):
 * {@code version ‖ kind 0x02 ‖ type ‖ epoch u64 ‖ body ‖ G1 compressed ‖ k u16 ‖ k × index u16 ‖
 * combinedBy u32}, with deposit and withdrawal bodies {@code batchId u256 ‖ count u32 ‖ count ×
 * 124-byte item}. Kafka key: {@code type u8 ‖ batchId u256}.
 *
 * <p>The consensus feature's only contact with the byte layout. Interim: until bridge-core's {@code
 * org.fedbridge.core.wire.CertificateRecord} lands on main this class encodes the same layout
 * itself (deposit and withdrawal bodies; epoch changes are refused); it will then delegate.
 */
final class CertificateWire {
  static final int MAX_ITEMS = 4096;
  private static final int ITEM = 124;

  /** Largest valid record: a full batch signed by the largest federation. */
  static final int MAX_LENGTH =
      11 + 36 + MAX_ITEMS * ITEM + 48 + 2 + 2 * ThresholdPolicy.MAX_MEMBERS + 4;

  private CertificateWire() {}

  static byte[] kafkaKey(MessageType type, UInt256 batchId) {
    return ByteBuffer.allocate(33).put((byte) WireTypes.code(type)).put(batchId.toWord()).array();
  }

  static byte[] encode(
      long epoch, ObservedBatch batch, Signature signature, List<Integer> signers, int combinedBy) {
    int items =
        batch instanceof ObservedBatch.Deposits d
            ? d.deposits().size()
            : ((ObservedBatch.Withdrawals) batch).withdrawals().size();
    ByteBuffer b = ByteBuffer.allocate(11 + 36 + items * ITEM + 48 + 2 + 2 * signers.size() + 4);
    b.put((byte) 1).put((byte) 2).put((byte) WireTypes.code(batch.type())).putLong(epoch);
    b.put(batch.batchId().toWord()).putInt(items);
    if (batch instanceof ObservedBatch.Deposits d) {
      for (Deposit x : d.deposits()) {
        b.put(x.nonce().toWord()).put(x.token().bytes()).put(x.sender().bytes());
        b.put(x.recipient().bytes()).put(x.amount().toWord());
      }
    } else {
      for (Withdrawal x : ((ObservedBatch.Withdrawals) batch).withdrawals()) {
        b.put(x.nonce().toWord()).put(x.l1Token().bytes()).put(x.sender().bytes());
        b.put(x.l1Recipient().bytes()).put(x.amount().toWord());
      }
    }
    b.put(signature.toCompressed()).putShort((short) signers.size());
    signers.forEach(i -> b.putShort((short) (int) i));
    b.putInt(combinedBy);
    return b.array();
  }

  /** Strict decoding with every point check, counts bounded before allocation; never throws. */
  static Result<CertificateContent> decode(byte[] raw) {
    if (raw == null || raw.length < 11 + 36 + ITEM + 48 + 2 + 2 + 4 || raw.length > MAX_LENGTH) {
      return Result.err(Rejection.BAD_LENGTH, "certificate record size out of range");
    }
    if (raw[0] != 1 || raw[1] != 2) {
      return Result.err(Rejection.MALFORMED, "not a version 1 certificate record");
    }
    ByteBuffer b = ByteBuffer.wrap(raw).order(ByteOrder.BIG_ENDIAN);
    b.position(2);
    var type = WireTypes.type(b.get() & 0xff);
    if (type.isEmpty()
        || (type.get() != MessageType.DEPOSIT_BATCH
            && type.get() != MessageType.WITHDRAWAL_BATCH)) {
      return Result.err(Rejection.MALFORMED, "no body defined for this message type");
    }
    long epoch = b.getLong();
    UInt256 batchId = new UInt256(new BigInteger(1, take(b, 32)));
    long count = Integer.toUnsignedLong(b.getInt());
    // SECURITY: the count is bounded and matched against the bytes present before allocating.
    if (count < 1 || count > MAX_ITEMS || b.remaining() < count * ITEM + 48 + 2 + 4) {
      return Result.err(Rejection.BAD_LENGTH, "item count out of range or truncated");
    }
    if (epoch < 0) {
      return Result.err(Rejection.MALFORMED, "epoch above 2^63-1");
    }
    List<Deposit> deposits = new ArrayList<>();
    List<Withdrawal> withdrawals = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      UInt256 nonce = word(b);
      Address a = new Address(take(b, 20));
      Address s = new Address(take(b, 20));
      Address r = new Address(take(b, 20));
      UInt256 amount = word(b);
      if (type.get() == MessageType.DEPOSIT_BATCH) {
        deposits.add(new Deposit(nonce, a, s, r, amount));
      } else {
        withdrawals.add(new Withdrawal(nonce, a, s, r, amount));
      }
    }
    Result<Signature> sig = Signature.fromCompressed(take(b, 48));
    if (!sig.isOk()) {
      return sig.map(x -> null);
    }
    int k = Short.toUnsignedInt(b.getShort());
    if (k < 1 || k > ThresholdPolicy.MAX_MEMBERS || b.remaining() != 2 * k + 4) {
      return Result.err(Rejection.BAD_LENGTH, "signer count does not match the record size");
    }
    List<Integer> signers = new ArrayList<>(k);
    int previous = 0;
    for (int i = 0; i < k; i++) {
      int index = Short.toUnsignedInt(b.getShort());
      if (index <= previous || index > ThresholdPolicy.MAX_MEMBERS) {
        return Result.err(Rejection.MALFORMED, "signers not strictly ascending member indexes");
      }
      signers.add(index);
      previous = index;
    }
    long combinedBy = Integer.toUnsignedLong(b.getInt());
    if (combinedBy < 1 || combinedBy > ThresholdPolicy.MAX_MEMBERS) {
      return Result.err(Rejection.MALFORMED, "combinedBy out of range");
    }
    BatchKey key = new BatchKey(type.get(), batchId, epoch);
    var message =
        type.get() == MessageType.DEPOSIT_BATCH
            ? DepositBatch.of(batchId, deposits)
            : WithdrawalBatch.of(batchId, withdrawals);
    return Result.ok(
        new CertificateContent(
            key, message, deposits, withdrawals, sig.orThrow(), signers, (int) combinedBy));
  }

  /** The certified digest under the epoch's domain, if the group signature verifies. */
  static Result<Bytes32> verify(CertificateContent c, EpochView view) {
    // SECURITY: verified under the domain and group key of the epoch the record names.
    if (view.epoch() != c.key().epoch()) {
      return Result.err(Rejection.BAD_MESSAGE, "certificate of another epoch");
    }
    Bytes32 digest = c.message().digest(view.domain());
    if (!Bls.verify(view.verifier().groupKey(), digest, c.signature())) {
      return Result.err(Rejection.BAD_SIGNATURE, "group signature does not verify");
    }
    return Result.ok(digest);
  }

  private static byte[] take(ByteBuffer b, int n) {
    byte[] out = new byte[n];
    b.get(out);
    return out;
  }

  private static UInt256 word(ByteBuffer b) {
    return new UInt256(new BigInteger(1, take(b, 32)));
  }

  static boolean sameBytes(byte[] a, byte[] b) {
    return Arrays.equals(a, b);
  }
}
