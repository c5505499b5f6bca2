package org.fedbridge.core.wire;

import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.fedbridge.core.dkg.IdentityPublicKey;
import org.fedbridge.core.threshold.ThresholdPolicy;
import org.fedbridge.core.types.UInt256;

/**
 * What a validator reports on {@code bridge.heartbeats} (wrapped and signed by {@link
 * HeartbeatRecord}). Block numbers are as the validator saw them; lags are derived, never sent.
 *
 * @param operatorId the operator's id, {@code [a-z0-9-]}, 1-64 characters
 * @param identityKey the validator's identity key, which signs the record
 * @param epoch the validator's current epoch
 * @param memberIndex its index in that epoch, 0 when it is not a member
 * @param timestampMillis when it was built (Unix ms, the sender's clock: informational)
 * @param l1Cursor the last safe L1 block fully processed
 * @param sidechainCursor the last sidechain block fully processed
 * @param lastSigned the last message this validator signed, if any
 * @param haltReason why signing stopped; empty when not halted
 * @param softwareVersion printable ASCII, at most 64 characters
 */
public record Heartbeat(
    String operatorId,
    IdentityPublicKey identityKey,
    long epoch,
    int memberIndex,
    long timestampMillis,
    long l1Head,
    long l1SafeHead,
    long l1Cursor,
    long sidechainHead,
    long sidechainCursor,
    Optional<LastSigned> lastSigned,
    boolean halted,
    String haltReason,
    String softwareVersion) {

  public static final int MAX_OPERATOR_ID = 64;
  public static final int MAX_HALT_REASON = 512;
  public static final int MAX_VERSION = 64;

  public Heartbeat {
    if (!validOperatorId(operatorId) || identityKey == null || lastSigned == null) {
      throw new IllegalArgumentException("operator id [a-z0-9-]{1,64}, identity key required");
    }
    if (memberIndex < 0 || memberIndex > ThresholdPolicy.MAX_MEMBERS) {
      throw new IllegalArgumentException("member index 0..1000");
    }
    long[] nonNegative = {
      epoch, timestampMillis, l1Head, l1SafeHead, l1Cursor, sidechainHead, sidechainCursor
    };
    for (long v : nonNegative) {
      if (v < 0) {
        throw new IllegalArgumentException("epoch, time and block numbers must be >= 0");
      }
    }
    if (haltReason == null || !canonicalUtf8(haltReason, MAX_HALT_REASON)) {
      throw new IllegalArgumentException("halt reason: UTF-8 of at most 512 bytes");
    }
    if (!halted && !haltReason.isEmpty()) {
      throw new IllegalArgumentException("a halt reason only when halted");
    }
    if (softwareVersion == null
        || softwareVersion.length() > MAX_VERSION
        || !softwareVersion.chars().allMatch(Heartbeat::printable)) {
      throw new IllegalArgumentException("software version: printable ASCII, at most 64");
    }
  }

  /** Blocks between the L1 safe head and what this validator has processed. */
  public long l1Lag() {
    return Math.max(0, l1SafeHead - l1Cursor);
  }

  /** Blocks between the sidechain head and what this validator has processed. */
  public long sidechainLag() {
    return Math.max(0, sidechainHead - sidechainCursor);
  }

  /** The last message signed: its type, batch id and the epoch it was signed in. */
  public record LastSigned(WireType type, UInt256 batchId, long epoch) {
    public LastSigned {
      if (type == null || batchId == null || epoch < 0) {
        throw new IllegalArgumentException("last signed needs type, batch id and epoch >= 0");
      }
    }
  }

  static boolean validOperatorId(String s) {
    return s != null
        && !s.isEmpty()
        && s.length() <= MAX_OPERATOR_ID
        && s.chars().allMatch(c -> (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-');
  }

  static boolean printable(int c) {
    return c >= 0x20 && c <= 0x7e;
  }

  private static boolean canonicalUtf8(String s, int maxBytes) {
    byte[] b = s.getBytes(StandardCharsets.UTF_8);
    // A lone surrogate would be replaced on encoding: then the string does not round-trip.
    return b.length <= maxBytes && new String(b, StandardCharsets.UTF_8).equals(s);
  }
}
