package org.fedbridge.core.wire;

import java.io.ByteArrayOutputStream;

/** Big-endian writer that starts every record with the common header. */
final class ByteWriter {
  private final ByteArrayOutputStream out = new ByteArrayOutputStream(256);

  ByteWriter(byte recordType) {
    out.write(WireFormat.MAGIC);
    out.write(WireFormat.VERSION);
    out.write(recordType);
  }

  ByteWriter u8(int v) {
    out.write(v);
    return this;
  }

  ByteWriter u16(int v) {
    out.write(v >>> 8);
    out.write(v);
    return this;
  }

  ByteWriter u32(long v) {
    return u16((int) (v >>> 16)).u16((int) v);
  }

  ByteWriter u64(long v) {
    return u32(v >>> 32).u32(v);
  }

  ByteWriter bytes(byte[] b) {
    out.writeBytes(b);
    return this;
  }

  byte[] toBytes() {
    return out.toByteArray();
  }
}
