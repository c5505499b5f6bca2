package org.fedbridge.admin.audit;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.Optional;
import org.fedbridge.core.types.Bytes32;

/**
 * The audit log's hash chain, exactly as the insert trigger of {@code V3__audit_log.sql} computes
 * it: {@code sha256("fedbridge.audit.v1" ‖ prevHash ‖ int8(seq) ‖ int8(at in Unix µs) ‖
 * field(actor) ‖ field(action) ‖ field(target) ‖ field(outcome) ‖ field(details))}, {@code field(x)
 * = int4(UTF-8 length) ‖ UTF-8 bytes}, big-endian. The database writes the chain; this class checks
 * it.
 */
public final class AuditChain {
  static final Bytes32 GENESIS = new Bytes32(new byte[32]);
  private static final byte[] TAG = "fedbridge.audit.v1".getBytes(StandardCharsets.US_ASCII);

  private AuditChain() {}

  /** The hash an entry must have given its fields and the previous hash. */
  public static Bytes32 hash(
      Bytes32 prevHash,
      long seq,
      Instant at,
      String actor,
      String action,
      String target,
      String outcome,
      String details) {
    try {
      MessageDigest sha = MessageDigest.getInstance("SHA-256");
      sha.update(TAG);
      sha.update(prevHash.bytes());
      sha.update(ByteBuffer.allocate(16).putLong(seq).putLong(micros(at)).array());
      for (String f : new String[] {actor, action, target, outcome, details}) {
        byte[] b = f.getBytes(StandardCharsets.UTF_8);
        sha.update(ByteBuffer.allocate(4).putInt(b.length).array());
        sha.update(b);
      }
      return new Bytes32(sha.digest());
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is missing", e);
    }
  }

  static long micros(Instant at) {
    return Math.addExact(Math.multiplyExact(at.getEpochSecond(), 1_000_000L), at.getNano() / 1000);
  }

  /**
   * Checks one entry against its predecessor's hash and position.
   *
   * @return why the entry breaks the chain, or empty when it holds
   */
  static Optional<String> check(AuditEntry e, long expectedSeq, Bytes32 expectedPrev) {
    if (e.seq() != expectedSeq) {
      return Optional.of("entry " + expectedSeq + " is missing (next is " + e.seq() + ")");
    }
    if (!e.prevHash().equals(expectedPrev)) {
      return Optional.of("entry " + e.seq() + " does not follow the previous entry's hash");
    }
    Bytes32 h =
        hash(
            e.prevHash(),
            e.seq(),
            e.at(),
            e.actor(),
            e.action(),
            e.target(),
            e.outcome(),
            e.details());
    if (!h.equals(e.hash())) {
      return Optional.of("entry " + e.seq() + " was changed after it was written");
    }
    return Optional.empty();
  }
}
