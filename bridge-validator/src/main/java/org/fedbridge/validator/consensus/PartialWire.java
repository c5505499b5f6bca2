package org.fedbridge.validator.consensus;

import java.util.List;
import org.fedbridge.core.dkg.IdentityPublicKey;
import org.fedbridge.core.threshold.PartialSignature;
import org.fedbridge.core.types.Bytes32;
import org.fedbridge.core.types.Result;
import org.fedbridge.core.wire.PartialRecord;
import org.fedbridge.core.wire.WireType;
import org.fedbridge.validator.keys.IdentitySigner;
import org.fedbridge.validator.signing.SignedPartial;

/**
 * The consensus feature's only contact with the partial record of {@code bridge.partials}
 * (bridge-core {@link PartialRecord}; docs/architecture.md, "Kafka records").
 */
final class PartialWire {
  static final int LENGTH = PartialRecord.LENGTH;

  private PartialWire() {}

  /** The Kafka key of a partial: its digest, so every partial of one digest shares a partition. */
  static byte[] kafkaKey(SignedPartial p) {
    return p.digest().bytes();
  }

  /** The record of this member's partial, authenticated with its identity key. */
  static byte[] encode(SignedPartial p, IdentitySigner identity) {
    PartialRecord unsigned =
        PartialRecord.unsigned(
            WireType.of(p.type()), p.epoch(), p.batchId(), p.digest(), p.partial());
    return unsigned.withIdentitySignature(identity.sign(unsigned.signingHash())).encode();
  }

  /** Cheap, strict decoding: no point decompression, no signature check; never throws. */
  static Result<PartialEnvelope> decode(byte[] raw) {
    return PartialRecord.decode(raw).map(Envelope::new);
  }

  private static final class Envelope implements PartialEnvelope {
    private final PartialRecord record;
    private final BatchKey key;

    Envelope(PartialRecord record) {
      this.record = record;
      this.key = new BatchKey(record.type().messageType(), record.batchId(), record.epoch());
    }

    @Override
    public BatchKey key() {
      return key;
    }

    @Override
    public Bytes32 digest() {
      return record.digest();
    }

    @Override
    public int index() {
      return record.index();
    }

    @Override
    public byte[] raw() {
      return record.encode();
    }

    @Override
    public boolean authenticate(IdentityPublicKey identity) {
      return record.authenticate(identity).isOk();
    }

    @Override
    public List<IdentityPublicKey> possibleSigners() {
      return IdentityRecovery.candidates(record.signingHash(), record.identitySignature());
    }

    @Override
    public Result<PartialSignature> partial() {
      return record.partial();
    }
  }
}
