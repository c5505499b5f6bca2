package org.fedbridge.validator.consensus;

import java.util.List;
import org.fedbridge.core.bls.Bls;
import org.fedbridge.core.bls.Signature;
import org.fedbridge.core.message.MessageType;
import org.fedbridge.core.threshold.ThresholdPolicy;
import org.fedbridge.core.types.Bytes32;
import org.fedbridge.core.types.Rejection;
import org.fedbridge.core.types.Result;
import org.fedbridge.core.types.UInt256;
import org.fedbridge.core.wire.CertificateBody;
import org.fedbridge.core.wire.CertificateRecord;
import org.fedbridge.core.wire.WireType;
import org.fedbridge.validator.batch.ObservedBatch;
import org.fedbridge.validator.federation.EpochView;

/**
 * The consensus feature's only contact with the certificate record of {@code bridge.certificates}
 * (bridge-core {@link CertificateRecord}; docs/architecture.md, "Kafka records").
 */
final class CertificateWire {
  /** Largest valid record: a full batch (4,096 entries of 124 bytes) and 1,000 signers. */
  static final int MAX_LENGTH =
      11 + 36 + CertificateBody.MAX_ENTRIES * 124 + 48 + 2 + 2 * ThresholdPolicy.MAX_MEMBERS + 4;

  private CertificateWire() {}

  static byte[] kafkaKey(MessageType type, UInt256 batchId) {
    byte[] k = new byte[33];
    k[0] = (byte) WireType.of(type).code();
    System.arraycopy(batchId.toWord(), 0, k, 1, 32);
    return k;
  }

  static byte[] encode(
      long epoch, ObservedBatch batch, Signature signature, List<Integer> signers, int combinedBy) {
    CertificateBody body;
    if (batch instanceof ObservedBatch.Deposits d) {
      body = new CertificateBody.DepositBody(d.batchId(), d.deposits());
    } else if (batch instanceof ObservedBatch.Withdrawals w) {
      body = new CertificateBody.WithdrawalBody(w.batchId(), w.withdrawals());
    } else if (batch instanceof ObservedBatch.TokenRegistration t) {
      body = new CertificateBody.TokenConfigBody(t.config());
    } else if (batch instanceof ObservedBatch.PauserChange p) {
      body = new CertificateBody.PauserUpdateBody(p.update());
    } else if (batch instanceof ObservedBatch.PauseLift u) {
      body = new CertificateBody.UnpauseBody(u.unpause());
    } else {
      body = new CertificateBody.EpochChangeBody(((ObservedBatch.EpochHandover) batch).change());
    }
    return new CertificateRecord(epoch, body, signature, signers, combinedBy).encode();
  }

  /** Strict decoding with every point check, counts bounded before allocation; never throws. */
  static Result<CertificateContent> decode(byte[] raw) {
    return CertificateRecord.decode(raw).map(CertificateWire::content);
  }

  private static CertificateContent content(CertificateRecord r) {
    CertificateBody body = r.body();
    BatchKey key = new BatchKey(body.type().messageType(), body.batchId(), r.epoch());
    return new CertificateContent(
        key,
        body.message(),
        body instanceof CertificateBody.DepositBody d ? d.deposits() : List.of(),
        body instanceof CertificateBody.WithdrawalBody w ? w.withdrawals() : List.of(),
        r.signature(),
        r.signers(),
        r.combinedBy());
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
}
