package org.fedbridge.relayer.e2e;

import java.io.ByteArrayOutputStream;
import java.math.BigInteger;
import java.util.List;
import org.fedbridge.core.bls.Signature;
import org.fedbridge.core.message.Deposit;
import org.fedbridge.core.message.Withdrawal;
import org.fedbridge.core.threshold.PartialSignature;
import org.fedbridge.core.types.Bytes32;

/**
 * Encoders of the Kafka records to the lead's wire specification (WIRE.md), written from the spec
 * independently of the relayer's decoders, for tests that publish what validators publish. Interim:
 * bridge-core's {@code org.fedbridge.core.wire} replaces them when it lands.
 */
final class TestWire {
  static final int DEPOSIT_BATCH = 1;
  static final int WITHDRAWAL_BATCH = 2;

  private TestWire() {}

  static byte[] withdrawalCertificate(
      long epoch, long batchId, List<Withdrawal> ws, Signature sig, List<Integer> signers) {
    Out out = header(2, WITHDRAWAL_BATCH, epoch).u256(batchId).u32(ws.size());
    for (Withdrawal w : ws) {
      out.u256(w.nonce().value())
          .raw(w.l1Token().bytes())
          .raw(w.sender().bytes())
          .raw(w.l1Recipient().bytes())
          .u256(w.amount().value());
    }
    return trailer(out, sig, signers);
  }

  static byte[] depositCertificate(
      long epoch, long batchId, List<Deposit> ds, Signature sig, List<Integer> signers) {
    Out out = header(2, DEPOSIT_BATCH, epoch).u256(batchId).u32(ds.size());
    for (Deposit d : ds) {
      out.u256(d.nonce().value())
          .raw(d.token().bytes())
          .raw(d.sender().bytes())
          .raw(d.recipient().bytes())
          .u256(d.amount().value());
    }
    return trailer(out, sig, signers);
  }

  /** A partial record; the identity signature is zeros (the relayer checks the BLS partial). */
  static byte[] partial(int type, long epoch, long batchId, Bytes32 digest, PartialSignature p) {
    return header(1, type, epoch)
        .u256(batchId)
        .raw(digest.bytes())
        .u32(p.index())
        .raw(p.signature().toCompressed())
        .raw(new byte[64])
        .bytes();
  }

  /** The certificate topic's key: type code ‖ batch id (u256). */
  static byte[] certificateKey(int type, long batchId) {
    return new Out().u8(type).u256(batchId).bytes();
  }

  private static Out header(int kind, int type, long epoch) {
    return new Out().u8(1).u8(kind).u8(type).u64(epoch);
  }

  private static byte[] trailer(Out out, Signature sig, List<Integer> signers) {
    out.raw(sig.toCompressed()).u16(signers.size());
    signers.forEach(out::u16);
    return out.u32(signers.get(0)).bytes();
  }

  static final class Out {
    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();

    Out u8(int v) {
      bytes.write(v);
      return this;
    }

    Out u16(int v) {
      return u8(v >>> 8).u8(v);
    }

    Out u32(long v) {
      return u16((int) (v >>> 16) & 0xffff).u16((int) v & 0xffff);
    }

    Out u64(long v) {
      return u32(v >>> 32).u32(v & 0xffffffffL);
    }

    Out u256(long v) {
      return u256(BigInteger.valueOf(v));
    }

    Out u256(BigInteger v) {
      byte[] word = new byte[32];
      byte[] b = v.toByteArray();
      int n = Math.min(b.length, 32);
      System.arraycopy(b, b.length - n, word, 32 - n, n);
      return raw(word);
    }

    Out raw(byte[] b) {
      bytes.writeBytes(b);
      return this;
    }

    byte[] bytes() {
      return bytes.toByteArray();
    }
  }
}
