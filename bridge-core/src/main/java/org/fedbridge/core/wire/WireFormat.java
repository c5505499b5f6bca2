package org.fedbridge.core.wire;

import java.nio.charset.StandardCharsets;
import org.fedbridge.core.types.Bytes32;
import org.fedbridge.core.types.Keccak;
import org.fedbridge.core.types.Rejection;

/**
 * What every Kafka record shares: {@code version (u8) = 1 ‖ kind (u8) ‖ …}, big-endian integers,
 * and for records a member publishes a trailing 64-byte identity signature over {@code
 * keccak256(TAG ‖ every preceding byte)}, TAG being the record's ASCII tag.
 */
final class WireFormat {
  static final int VERSION = 1;
  static final int KIND_PARTIAL = 1;
  static final int KIND_CERTIFICATE = 2;
  static final int KIND_HEARTBEAT = 3;
  static final int IDENTITY_SIG = 64;

  static final String PARTIAL_TAG = "fedbridge.wire.Partial.v1";
  static final String HEARTBEAT_TAG = "fedbridge.wire.Heartbeat.v1";

  private WireFormat() {}

  /** {@code keccak256(tag ‖ record[0..length))}. */
  static Bytes32 signingHash(String tag, byte[] record, int length) {
    byte[] t = tag.getBytes(StandardCharsets.US_ASCII);
    byte[] buf = new byte[t.length + length];
    System.arraycopy(t, 0, buf, 0, t.length);
    System.arraycopy(record, 0, buf, t.length, length);
    return Keccak.hash(buf);
  }

  /** Reads and checks version and kind; the reader fails with UNSUPPORTED otherwise. */
  static void header(ByteReader in, int kind, String name) {
    int version = in.u8();
    int k = in.u8();
    if (version != VERSION) {
      throw new WireException(Rejection.UNSUPPORTED, name + " version " + version);
    }
    if (k != kind) {
      throw new WireException(Rejection.UNSUPPORTED, "record kind " + k + ", not a " + name);
    }
  }
}
