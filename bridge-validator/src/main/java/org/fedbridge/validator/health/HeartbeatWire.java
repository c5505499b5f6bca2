package org.fedbridge.validator.health;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import org.fedbridge.core.types.Keccak;
import org.fedbridge.validator.keys.IdentitySigner;

/**
 * The heartbeat record of {@code bridge.heartbeats} (docs/architecture.md, "Kafka records"), signed
 * with the identity key; Kafka key: the identity public key.
 *
 * <p>Interim: until bridge-core's {@code org.fedbridge.core.wire.HeartbeatRecord} lands on main,
 * this class encodes the same layout itself; it will then delegate to it.
 */
final class HeartbeatWire {
  private static final byte[] TAG =
      "fedbridge.wire.Heartbeat.v1".getBytes(StandardCharsets.US_ASCII);

  private HeartbeatWire() {}

  static byte[] encode(Heartbeat h, IdentitySigner identity) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.write(1);
    out.write(3);
    byte[] op = h.operatorId().getBytes(StandardCharsets.US_ASCII);
    out.write(op.length);
    out.writeBytes(op);
    out.writeBytes(identity.publicKey().compressed());
    ByteBuffer b = ByteBuffer.allocate(8 + 4 + 8 + 24 + 16 + 41);
    b.putLong(h.epoch()).putInt(h.memberIndex()).putLong(h.timestampMillis());
    b.putLong(h.l1Head()).putLong(h.l1SafeHead()).putLong(h.l1Cursor());
    b.putLong(h.sidechainHead()).putLong(h.sidechainCursor());
    b.put((byte) h.lastSignedType())
        .put(h.lastSignedBatchId().toWord())
        .putLong(h.lastSignedEpoch());
    out.writeBytes(b.array());
    out.write(h.haltReason().isPresent() ? 1 : 0);
    byte[] reason = h.haltReason().orElse("").getBytes(StandardCharsets.UTF_8);
    out.write(reason.length >>> 8);
    out.write(reason.length & 0xff);
    out.writeBytes(reason);
    byte[] version = h.version().getBytes(StandardCharsets.US_ASCII);
    out.write(version.length);
    out.writeBytes(version);
    byte[] body = out.toByteArray();
    out.writeBytes(identity.sign(Keccak.hash(TAG, body)));
    return out.toByteArray();
  }
}
