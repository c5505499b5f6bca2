package org.fedbridge.core.wire;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import org.fedbridge.core.types.Address;
import org.fedbridge.core.types.Bytes32;
import org.fedbridge.core.types.UInt256;

/** Big-endian writer that starts a record with {@code version ‖ kind}. */
final class ByteWriter {
  private final ByteArrayOutputStream out = new ByteArrayOutputStream(256);

  ByteWriter(int kind) {
    out.write(WireFormat.VERSION);
    out.write(kind);
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
    return u16((int) (v >>> 16) & 0xffff).u16((int) v & 0xffff);
  }

  ByteWriter u64(long v) {
    return u32(v >>> 32).u32(v & 0xffff_ffffL);
  }

  ByteWriter u256(UInt256 v) {
    out.writeBytes(v.toWord());
    return this;
  }

  ByteWriter b32(Bytes32 v) {
    out.writeBytes(v.bytes());
    return this;
  }

  ByteWriter addr(Address a) {
    out.writeBytes(a.bytes());
    return this;
  }

  ByteWriter bytes(byte[] b) {
    out.writeBytes(b);
    return this;
  }

  ByteWriter str8(String s) {
    byte[] b = s.getBytes(StandardCharsets.US_ASCII);
    return u8(b.length).bytes(b);
  }

  ByteWriter utf16(String s) {
    byte[] b = s.getBytes(StandardCharsets.UTF_8);
    return u16(b.length).bytes(b);
  }

  byte[] toBytes() {
    return out.toByteArray();
  }
}
