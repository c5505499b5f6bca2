package org.fedbridge.core.dkg;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import org.fedbridge.core.types.Bytes32;
import org.fedbridge.core.types.Keccak;

/** Unambiguous byte encoding of DKG messages for signing: every field length-prefixed. */
final class Wire {
  private final ByteArrayOutputStream out = new ByteArrayOutputStream();

  Wire(String tag) {
    bytes(tag.getBytes(StandardCharsets.US_ASCII));
  }

  Wire u32(int v) {
    out.write(v >>> 24);
    out.write(v >>> 16);
    out.write(v >>> 8);
    out.write(v);
    return this;
  }

  Wire u64(long v) {
    u32((int) (v >>> 32));
    return u32((int) v);
  }

  Wire bytes(byte[] b) {
    u32(b.length);
    out.writeBytes(b);
    return this;
  }

  Wire b32(Bytes32 b) {
    out.writeBytes(b.bytes());
    return this;
  }

  Bytes32 hash() {
    return Keccak.hash(out.toByteArray());
  }

  /** Associated data binding a share ciphertext to session, dealer and recipient. */
  static byte[] shareAad(Bytes32 session, int dealer, int recipient) {
    byte[] aad = new byte[40];
    session.copyTo(aad, 0);
    for (int i = 0; i < 4; i++) {
      aad[32 + i] = (byte) (dealer >>> (24 - 8 * i));
      aad[36 + i] = (byte) (recipient >>> (24 - 8 * i));
    }
    return aad;
  }
}
