package org.fedbridge.core.wire;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.fedbridge.core.dkg.IdentityKey;
import org.fedbridge.core.dkg.IdentityPublicKey;
import org.fedbridge.core.message.MessageType;
import org.fedbridge.core.types.Bytes32;
import org.fedbridge.core.types.Keccak;
import org.fedbridge.core.types.Rejection;
import org.fedbridge.core.types.Result;

/**
 * The envelope every Kafka record of this package shares (docs/architecture.md, "Kafka records"):
 * {@code magic 0xFB ‖ version 0x01 ‖ record type ‖ body}, integers big-endian, and for records a
 * member authenticates, a 64-byte identity signature (secp256k1 ECDSA, low-s) at the end over
 * {@code keccak256(u32(len(TAG)) ‖ TAG ‖ every preceding byte)}.
 */
final class WireFormat {
  static final byte MAGIC = (byte) 0xFB;
  static final byte VERSION = 1;
  static final int HEADER = 3;
  static final int IDENTITY_SIG = 64;

  /** Largest record any decoder looks at; anything longer is refused before parsing. */
  static final int MAX_RECORD = 4096;

  /** Domain tag of identity signatures over wire records (distinct from the DKG's tags). */
  static final String TAG = "fedbridge.wire.v1";

  private static final byte[] TAG_PREFIX = tagPrefix();

  private WireFormat() {}

  /** Record type codes (byte 2). */
  static final byte PARTIAL = 1;

  static final byte CERTIFICATE = 2;
  static final byte HEARTBEAT = 3;

  /** Checks size bounds, magic, version and record type; never throws. */
  static Result<Void> header(byte[] in, byte type, String name) {
    if (in == null || in.length < HEADER) {
      return Result.err(Rejection.BAD_LENGTH, name + " record shorter than its header");
    }
    if (in.length > MAX_RECORD) {
      return Result.err(Rejection.BAD_LENGTH, name + " record of " + in.length + " bytes");
    }
    if (in[0] != MAGIC) {
      return Result.err(Rejection.MALFORMED, "not a fedbridge record (magic)");
    }
    if (in[1] != VERSION) {
      return Result.err(Rejection.UNSUPPORTED, "record version " + (in[1] & 0xff));
    }
    if (in[2] != type) {
      return Result.err(
          Rejection.UNSUPPORTED, "record type " + (in[2] & 0xff) + ", expected " + name);
    }
    return Result.ok(null);
  }

  /** The wire code of a message type; every type the core signs has one. */
  static byte code(MessageType t) {
    return switch (t) {
      case DEPOSIT_BATCH -> 1;
      case WITHDRAWAL_BATCH -> 2;
      case EPOCH_CHANGE -> 3;
      case TOKEN_CONFIG -> 4;
      case PAUSER_UPDATE -> 5;
      case UNPAUSE -> 6;
      default -> throw new IllegalArgumentException("no wire code for " + t);
    };
  }

  /** The message type of a wire code, or null for an unknown code. */
  static MessageType messageType(int code) {
    return switch (code) {
      case 1 -> MessageType.DEPOSIT_BATCH;
      case 2 -> MessageType.WITHDRAWAL_BATCH;
      case 3 -> MessageType.EPOCH_CHANGE;
      case 4 -> MessageType.TOKEN_CONFIG;
      case 5 -> MessageType.PAUSER_UPDATE;
      case 6 -> MessageType.UNPAUSE;
      default -> null;
    };
  }

  /** The hash an identity key signs: everything before the signature, under {@link #TAG}. */
  static Bytes32 signingHash(byte[] record, int length) {
    return Keccak.hash(TAG_PREFIX, Arrays.copyOf(record, length));
  }

  /** Appends the identity signature over {@code body} (which already holds the header). */
  static byte[] sign(byte[] body, IdentityKey key) {
    byte[] out = Arrays.copyOf(body, body.length + IDENTITY_SIG);
    byte[] sig = key.sign(signingHash(body, body.length));
    System.arraycopy(sig, 0, out, body.length, IDENTITY_SIG);
    return out;
  }

  /** Verifies the trailing identity signature of a record against the sender's key. */
  static boolean verify(byte[] record, IdentityPublicKey sender) {
    int n = record.length - IDENTITY_SIG;
    return sender.verify(signingHash(record, n), Arrays.copyOfRange(record, n, record.length));
  }

  private static byte[] tagPrefix() {
    byte[] tag = TAG.getBytes(StandardCharsets.US_ASCII);
    byte[] out = new byte[4 + tag.length];
    out[3] = (byte) tag.length;
    System.arraycopy(tag, 0, out, 4, tag.length);
    return out;
  }
}
