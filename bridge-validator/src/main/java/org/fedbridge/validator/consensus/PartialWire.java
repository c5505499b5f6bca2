package org.fedbridge.validator.consensus;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import org.fedbridge.core.bls.Signature;
import org.fedbridge.core.dkg.IdentityPublicKey;
import org.fedbridge.core.threshold.PartialSignature;
import org.fedbridge.core.threshold.ThresholdPolicy;
import org.fedbridge.core.types.Bytes32;
import org.fedbridge.core.types.Keccak;
import org.fedbridge.core.types.Rejection;
import org.fedbridge.core.types.Result;
import org.fedbridge.core.types.UInt256;
import org.fedbridge.validator.keys.IdentitySigner;
import org.fedbridge.validator.signing.SignedPartial;

/**
 * The partial-signature record of {@code bridge.partials} (docs/architecture.md, "Kafka records",
 * 191 bytes): {@code version ‖ kind 0x01 ‖ type ‖ epoch u64 ‖ batchId u256 ‖ digest ‖ index u32 ‖
 * G1 compressed ‖ identity signature over keccak256("fedbridge.wire.Partial.v1" ‖ bytes[0..127))}.
 *
 * <p>The consensus feature's only contact with the byte layout. Interim: until bridge-core's {@code
 * org.fedbridge.core.wire.PartialRecord} lands on main, this class encodes the same layout itself;
 * it will then delegate to it.
 */
final class PartialWire {
  static final int LENGTH = 191;
  private static final int SIGNED = 127;
  private static final byte[] TAG = "fedbridge.wire.Partial.v1".getBytes(StandardCharsets.US_ASCII);

  private PartialWire() {}

  /** The Kafka key of a partial: its digest, so every partial of one digest shares a partition. */
  static byte[] kafkaKey(SignedPartial p) {
    return p.digest().bytes();
  }

  /** The record of this member's partial, authenticated with its identity key. */
  static byte[] encode(SignedPartial p, IdentitySigner identity) {
    ByteBuffer b = ByteBuffer.allocate(LENGTH);
    b.put((byte) 1).put((byte) 1).put((byte) WireTypes.code(p.type()));
    b.putLong(p.epoch()).put(p.batchId().toWord()).put(p.digest().bytes());
    b.putInt(p.partial().index()).put(p.partial().signature().toCompressed());
    byte[] out = b.array();
    System.arraycopy(identity.sign(signingHash(out)), 0, out, SIGNED, 64);
    return out;
  }

  /** Cheap, strict decoding: no point decompression, no signature check; never throws. */
  static Result<PartialEnvelope> decode(byte[] raw) {
    if (raw == null || raw.length != LENGTH) {
      return Result.err(Rejection.BAD_LENGTH, "a partial record has " + LENGTH + " bytes");
    }
    if (raw[0] != 1 || raw[1] != 1) {
      return Result.err(Rejection.MALFORMED, "not a version 1 partial record");
    }
    var type = WireTypes.type(raw[2] & 0xff);
    if (type.isEmpty()) {
      return Result.err(Rejection.MALFORMED, "unknown message type " + (raw[2] & 0xff));
    }
    ByteBuffer b = ByteBuffer.wrap(raw);
    long epoch = b.getLong(3);
    if (epoch < 0) {
      return Result.err(Rejection.MALFORMED, "epoch above 2^63-1");
    }
    int index = b.getInt(75);
    if (index < 1 || index > ThresholdPolicy.MAX_MEMBERS) {
      return Result.err(Rejection.MALFORMED, "member index out of range");
    }
    UInt256 batchId = new UInt256(new java.math.BigInteger(1, Arrays.copyOfRange(raw, 11, 43)));
    Bytes32 digest = new Bytes32(Arrays.copyOfRange(raw, 43, 75));
    return Result.ok(
        new Envelope(new BatchKey(type.get(), batchId, epoch), digest, index, raw.clone()));
  }

  private static Bytes32 signingHash(byte[] raw) {
    return Keccak.hash(TAG, Arrays.copyOf(raw, SIGNED));
  }

  private record Envelope(BatchKey key, Bytes32 digest, int index, byte[] raw)
      implements PartialEnvelope {
    @Override
    public byte[] raw() {
      return raw.clone();
    }

    @Override
    public boolean authenticate(IdentityPublicKey identity) {
      return identity.verify(signingHash(raw), Arrays.copyOfRange(raw, SIGNED, LENGTH));
    }

    @Override
    public List<IdentityPublicKey> possibleSigners() {
      return IdentityRecovery.candidates(signingHash(raw), Arrays.copyOfRange(raw, SIGNED, LENGTH));
    }

    @Override
    public Result<PartialSignature> partial() {
      return Signature.fromCompressed(Arrays.copyOfRange(raw, 79, SIGNED))
          .map(s -> new PartialSignature(index, s));
    }
  }
}
