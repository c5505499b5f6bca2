package org.fedbridge.core.dkg;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.fedbridge.core.bls.PublicKey;
import org.fedbridge.core.dkg.DkgMessage.Complaint;
import org.fedbridge.core.dkg.DkgMessage.Confirmation;
import org.fedbridge.core.dkg.DkgMessage.Deal;
import org.fedbridge.core.dkg.DkgMessage.Justification;
import org.fedbridge.core.dkg.DkgMessage.RoundEnd;
import org.fedbridge.core.types.Bytes32;
import org.fedbridge.core.types.Keccak;
import org.fedbridge.core.types.Rejection;
import org.fedbridge.core.types.Result;

/**
 * Byte encoding of {@link DkgMessage}s on the {@code bridge.dkg} topic (docs/architecture.md, "DKG
 * records"). Layout: {@code kind(1) ‖ session(32) ‖ sender(4) ‖ fields ‖ signature(64)}, integers
 * 4-byte big-endian; a deal is {@code t(4) ‖ n(4) ‖ t × G2 compressed(96) ‖ n × sealed share(81)},
 * a complaint {@code dealer(4)}, a justification {@code complainer(4) ‖ share(32)}, a round end
 * {@code round(1) ‖ timedOut(1)}, a confirmation {@code outcome(32)}. The signature is the sender's
 * identity signature over {@code keccak256(len ‖ "fedbridge.dkg.v1" ‖ everything before it)}.
 *
 * <p>SECURITY: {@link #decode} checks, in this order and before it decompresses or subgroup-checks
 * any point (issue 9 item 16): size, kind, session, sender, counts and exact length for the
 * configuration, then the sender's signature over the raw bytes. A record that fails any check
 * costs at most one ECDSA verification.
 */
public final class DkgCodec {
  static final byte DEAL = 1;
  static final byte COMPLAINT = 2;
  static final byte JUSTIFICATION = 3;
  static final byte ROUND_END = 4;
  static final byte CONFIRMATION = 5;
  static final int HEADER = 1 + 32 + 4;
  static final int SIGNATURE = 64;
  static final int G2 = 96;
  private static final byte[] TAG = tag("fedbridge.dkg.v1");

  private DkgCodec() {}

  public static byte[] encode(DkgMessage m) {
    byte[] body = body(m);
    byte[] out = Arrays.copyOf(body, body.length + SIGNATURE);
    byte[] sig = m.signature();
    if (sig.length == SIGNATURE) {
      System.arraycopy(sig, 0, out, body.length, SIGNATURE);
    }
    return out;
  }

  /** The largest record a run of {@code config} can produce (a deal). */
  public static int maxLength(DkgConfig config) {
    return dealLength(config.t(), config.n());
  }

  /** The session id a record claims, without checking anything else (for routing and counts). */
  public static Optional<Bytes32> sessionOf(byte[] record) {
    if (record == null || record.length < HEADER) {
      return Optional.empty();
    }
    return Optional.of(new Bytes32(Arrays.copyOfRange(record, 1, 33)));
  }

  /**
   * Decodes and authenticates one record of {@code config}'s run.
   *
   * @return the message, or {@link Rejection#BAD_LENGTH} (larger than any record of this run),
   *     {@link Rejection#MALFORMED} (unknown kind, wrong counts or length, truncated, trailing
   *     bytes, fields out of range), {@link Rejection#BAD_MESSAGE} (another session), {@link
   *     Rejection#UNKNOWN_MEMBER} (sender not in 1..n), {@link Rejection#BAD_SIGNATURE} (not signed
   *     by the sender's identity key), or a point rejection for a signed deal whose commitments are
   *     not valid G2 points
   */
  public static Result<DkgMessage> decode(DkgConfig config, byte[] record) {
    if (record == null || record.length < HEADER + SIGNATURE) {
      return Result.err(Rejection.MALFORMED, "truncated DKG record");
    }
    if (record.length > maxLength(config)) {
      return Result.err(Rejection.BAD_LENGTH, "DKG record of " + record.length + " bytes");
    }
    ByteBuffer in = ByteBuffer.wrap(record);
    byte kind = in.get();
    if (kind < DEAL || kind > CONFIRMATION) {
      return Result.err(Rejection.MALFORMED, "unknown DKG record kind " + kind);
    }
    Bytes32 session = new Bytes32(take(in, 32));
    if (!session.equals(config.sessionId())) {
      return Result.err(Rejection.BAD_MESSAGE, "other session " + session);
    }
    int sender = in.getInt();
    if (sender < 1 || sender > config.n()) {
      return Result.err(Rejection.UNKNOWN_MEMBER, "sender " + sender);
    }
    int expected;
    switch (kind) {
      case DEAL -> {
        if (record.length < HEADER + 8) {
          return Result.err(Rejection.MALFORMED, "truncated deal");
        }
        int t = in.getInt();
        int n = in.getInt();
        // SECURITY: degree t-1 exactly, one sealed share per member; nothing else is parsed.
        if (t != config.t() || n != config.n()) {
          return Result.err(
              Rejection.MALFORMED, "deal with " + t + " commitments, " + n + " shares");
        }
        expected = dealLength(t, n);
      }
      case COMPLAINT -> expected = HEADER + 4 + SIGNATURE;
      case JUSTIFICATION -> expected = HEADER + 4 + 32 + SIGNATURE;
      case ROUND_END -> expected = HEADER + 2 + SIGNATURE;
      default -> expected = HEADER + 32 + SIGNATURE;
    }
    if (record.length != expected) {
      return Result.err(
          Rejection.MALFORMED,
          (record.length < expected ? "truncated" : "trailing bytes in")
              + " DKG record: "
              + record.length
              + " bytes, expected "
              + expected);
    }
    int bodyLength = record.length - SIGNATURE;
    byte[] sig = Arrays.copyOfRange(record, bodyLength, record.length);
    // SECURITY: authenticate the raw bytes before any point is decompressed (issue 9 item 16).
    if (!config
        .member(sender)
        .identity()
        .verify(signingHash(Arrays.copyOf(record, bodyLength)), sig)) {
      return Result.err(Rejection.BAD_SIGNATURE, "not signed by member " + sender);
    }
    return switch (kind) {
      case DEAL -> deal(config, in, session, sender, sig);
      case COMPLAINT -> {
        int dealer = in.getInt();
        yield dealer < 1 || dealer > config.n() || dealer == sender
            ? Result.err(Rejection.MALFORMED, "complaint against " + dealer)
            : Result.ok(new Complaint(session, sender, dealer, sig));
      }
      case JUSTIFICATION -> {
        int complainer = in.getInt();
        byte[] share = take(in, 32);
        yield complainer < 1 || complainer > config.n() || complainer == sender
            ? Result.err(Rejection.MALFORMED, "justification for " + complainer)
            : Result.ok(new Justification(session, sender, complainer, share, sig));
      }
      case ROUND_END -> {
        int round = in.get();
        int timedOut = in.get();
        yield round < 1 || round > 3 || timedOut < 0 || timedOut > 1
            ? Result.err(Rejection.MALFORMED, "round end " + round + "/" + timedOut)
            : Result.ok(new RoundEnd(session, sender, round, timedOut == 1, sig));
      }
      default -> Result.ok(new Confirmation(session, sender, new Bytes32(take(in, 32)), sig));
    };
  }

  private static Result<DkgMessage> deal(
      DkgConfig config, ByteBuffer in, Bytes32 session, int sender, byte[] sig) {
    List<PublicKey> commitments = new ArrayList<>(config.t());
    for (int i = 0; i < config.t(); i++) {
      Result<PublicKey> pk = PublicKey.fromCompressed(take(in, G2));
      if (!pk.isOk()) {
        return pk.map(x -> null);
      }
      commitments.add(pk.orThrow());
    }
    List<byte[]> boxes = new ArrayList<>(config.n());
    for (int i = 0; i < config.n(); i++) {
      boxes.add(take(in, Ecies.SEALED_SHARE_LENGTH));
    }
    return Result.ok(new Deal(session, sender, commitments, boxes, sig));
  }

  /** The encoding of every field but the signature. */
  static byte[] body(DkgMessage m) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    if (m instanceof Deal d) {
      header(out, DEAL, m);
      u32(out, d.commitments().size());
      u32(out, d.encryptedShares().size());
      d.commitments().forEach(c -> out.writeBytes(c.toCompressed()));
      d.encryptedShares().forEach(out::writeBytes);
    } else if (m instanceof Complaint c) {
      header(out, COMPLAINT, m);
      u32(out, c.dealer());
    } else if (m instanceof Justification j) {
      header(out, JUSTIFICATION, m);
      u32(out, j.complainer());
      out.writeBytes(j.share());
    } else if (m instanceof RoundEnd r) {
      header(out, ROUND_END, m);
      out.write(r.round());
      out.write(r.timedOut() ? 1 : 0);
    } else if (m instanceof Confirmation c) {
      header(out, CONFIRMATION, m);
      out.writeBytes(c.outcome().bytes());
    }
    return out.toByteArray();
  }

  private static void header(ByteArrayOutputStream out, byte kind, DkgMessage m) {
    out.write(kind);
    out.writeBytes(m.session().bytes());
    u32(out, m.sender());
  }

  static Bytes32 signingHash(byte[] body) {
    return Keccak.hash(TAG, body);
  }

  private static int dealLength(int t, int n) {
    return HEADER + 8 + t * G2 + n * Ecies.SEALED_SHARE_LENGTH + SIGNATURE;
  }

  private static byte[] take(ByteBuffer in, int n) {
    byte[] b = new byte[n];
    in.get(b);
    return b;
  }

  private static void u32(ByteArrayOutputStream out, int v) {
    out.write(v >>> 24);
    out.write(v >>> 16);
    out.write(v >>> 8);
    out.write(v);
  }

  private static byte[] tag(String name) {
    byte[] t = name.getBytes(StandardCharsets.US_ASCII);
    byte[] out = new byte[4 + t.length];
    out[3] = (byte) t.length;
    System.arraycopy(t, 0, out, 4, t.length);
    return out;
  }
}
