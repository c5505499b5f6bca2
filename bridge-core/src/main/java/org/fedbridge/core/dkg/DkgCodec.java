package org.fedbridge.core.dkg;

import java.io.ByteArrayOutputStream;
import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import org.fedbridge.core.bls.PublicKey;
import org.fedbridge.core.dkg.DkgMessage.Complaint;
import org.fedbridge.core.dkg.DkgMessage.Deal;
import org.fedbridge.core.dkg.DkgMessage.Justification;
import org.fedbridge.core.types.Bytes32;
import org.fedbridge.core.types.Rejection;
import org.fedbridge.core.types.Result;

/**
 * Byte encoding of {@link DkgMessage}s for a transport (e.g. the {@code bridge.dkg} Kafka topic).
 * Layout: {@code kind(1) ‖ session(32) ‖ fields}, integers as 4-byte big-endian, byte strings
 * length-prefixed, G2 commitments 96-byte compressed, signature 64 bytes. Decoding is strict: every
 * point is checked, lengths are bounded, and trailing bytes are refused. Decoding does not
 * authenticate: {@link DkgSession#receive} does.
 */
public final class DkgCodec {
  private static final byte DEAL = 1;
  private static final byte COMPLAINT = 2;
  private static final byte JUSTIFICATION = 3;
  private static final int MAX_ITEMS = 1000;
  private static final int MAX_BOX = 256;

  private DkgCodec() {}

  public static byte[] encode(DkgMessage m) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    if (m instanceof Deal d) {
      out.write(DEAL);
      out.writeBytes(d.session().bytes());
      u32(out, d.dealer());
      u32(out, d.commitments().size());
      d.commitments().forEach(c -> out.writeBytes(c.toCompressed()));
      u32(out, d.encryptedShares().size());
      for (byte[] b : d.encryptedShares()) {
        u32(out, b.length);
        out.writeBytes(b);
      }
    } else if (m instanceof Complaint c) {
      out.write(COMPLAINT);
      out.writeBytes(c.session().bytes());
      u32(out, c.complainer());
      u32(out, c.dealer());
    } else if (m instanceof Justification j) {
      out.write(JUSTIFICATION);
      out.writeBytes(j.session().bytes());
      u32(out, j.dealer());
      u32(out, j.complainer());
      out.writeBytes(j.share());
    }
    out.writeBytes(m.signature());
    return out.toByteArray();
  }

  /** Decodes one message, or {@link Rejection#MALFORMED} (or a point rejection). */
  public static Result<DkgMessage> decode(byte[] bytes) {
    try {
      ByteBuffer in = ByteBuffer.wrap(bytes);
      byte kind = in.get();
      Bytes32 session = new Bytes32(take(in, 32));
      DkgMessage m;
      switch (kind) {
        case DEAL -> {
          int dealer = in.getInt();
          int nc = count(in.getInt());
          List<PublicKey> cs = new ArrayList<>(nc);
          for (int i = 0; i < nc; i++) {
            Result<PublicKey> pk = PublicKey.fromCompressed(take(in, 96));
            if (!pk.isOk()) {
              return pk.map(x -> null);
            }
            cs.add(pk.orThrow());
          }
          int nb = count(in.getInt());
          List<byte[]> boxes = new ArrayList<>(nb);
          for (int i = 0; i < nb; i++) {
            int len = in.getInt();
            if (len < 0 || len > MAX_BOX) {
              return Result.err(Rejection.MALFORMED, "ciphertext length " + len);
            }
            boxes.add(take(in, len));
          }
          m = new Deal(session, dealer, cs, boxes, take(in, 64));
        }
        case COMPLAINT -> m = new Complaint(session, in.getInt(), in.getInt(), take(in, 64));
        case JUSTIFICATION -> {
          int dealer = in.getInt();
          int complainer = in.getInt();
          m = new Justification(session, dealer, complainer, take(in, 32), take(in, 64));
        }
        default -> {
          return Result.err(Rejection.MALFORMED, "unknown DKG message kind " + kind);
        }
      }
      // SECURITY: one encoding per message; trailing bytes would allow malleable copies.
      if (in.hasRemaining()) {
        return Result.err(Rejection.MALFORMED, in.remaining() + " trailing bytes");
      }
      return Result.ok(m);
    } catch (BufferUnderflowException | IllegalArgumentException e) {
      return Result.err(Rejection.MALFORMED, "truncated or malformed DKG message");
    }
  }

  private static int count(int n) {
    if (n < 0 || n > MAX_ITEMS) {
      throw new IllegalArgumentException("count " + n);
    }
    return n;
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
}
