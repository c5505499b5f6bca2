package org.fedbridge.validator.health;

import java.util.Optional;
import org.fedbridge.core.wire.HeartbeatRecord;
import org.fedbridge.core.wire.WireType;
import org.fedbridge.validator.keys.IdentitySigner;

/**
 * The health feature's only contact with the heartbeat record of {@code bridge.heartbeats}
 * (bridge-core {@link HeartbeatRecord}); Kafka key: the identity public key.
 */
final class HeartbeatWire {
  private HeartbeatWire() {}

  static HeartbeatRecord encode(Heartbeat h, IdentitySigner identity) {
    Optional<org.fedbridge.core.wire.Heartbeat.LastSigned> last =
        h.lastSignedType() == 0
            ? Optional.empty()
            : Optional.of(
                new org.fedbridge.core.wire.Heartbeat.LastSigned(
                    WireType.ofCode(h.lastSignedType()),
                    h.lastSignedBatchId(),
                    h.lastSignedEpoch()));
    var wire =
        new org.fedbridge.core.wire.Heartbeat(
            h.operatorId(),
            identity.publicKey(),
            h.epoch(),
            h.memberIndex(),
            h.timestampMillis(),
            h.l1Head(),
            h.l1SafeHead(),
            h.l1Cursor(),
            h.sidechainHead(),
            h.sidechainCursor(),
            last,
            h.haltReason().isPresent(),
            h.haltReason().orElse(""),
            h.version());
    HeartbeatRecord unsigned = HeartbeatRecord.unsigned(wire);
    return unsigned.withIdentitySignature(identity.sign(unsigned.signingHash()));
  }
}
