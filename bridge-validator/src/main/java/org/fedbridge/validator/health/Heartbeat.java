package org.fedbridge.validator.health;

import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.fedbridge.core.types.UInt256;

/**
 * What a validator reports every few seconds on {@code bridge.heartbeats}. Block numbers are 0
 * until known; {@code memberIndex} 0 means not a member of {@code epoch}; {@code lastSignedType} 0
 * means nothing signed yet.
 */
record Heartbeat(
    String operatorId,
    long epoch,
    int memberIndex,
    long timestampMillis,
    long l1Head,
    long l1SafeHead,
    long l1Cursor,
    long sidechainHead,
    long sidechainCursor,
    int lastSignedType,
    UInt256 lastSignedBatchId,
    long lastSignedEpoch,
    Optional<String> haltReason,
    String version) {

  static final int MAX_HALT_REASON = 512;

  /** Whether the record can carry it (the wire format limits operator ids and versions). */
  boolean encodable() {
    return operatorId.matches("[a-z0-9-]{1,64}") && version.matches("[\\x20-\\x7e]{1,64}");
  }

  Heartbeat {
    // The reason is informational: cut it to the record's limit rather than drop the heartbeat.
    haltReason = haltReason.map(Heartbeat::truncate);
  }

  private static String truncate(String reason) {
    String r = reason.isEmpty() ? "halted" : reason;
    while (r.getBytes(StandardCharsets.UTF_8).length > MAX_HALT_REASON) {
      r = r.substring(0, r.length() - 1);
    }
    return r;
  }
}
