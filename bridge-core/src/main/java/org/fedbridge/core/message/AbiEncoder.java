package org.fedbridge.core.message;

import java.io.ByteArrayOutputStream;
import org.fedbridge.core.types.Address;
import org.fedbridge.core.types.Bytes32;
import org.fedbridge.core.types.UInt256;

/**
 * Solidity {@code abi.encode} for static types only (uint256, address, bool, bytes32): one 32-byte
 * word each, concatenated (Solidity ABI spec, "Formal Specification of the Encoding", static
 * types). That is all the digests and leaves use.
 */
final class AbiEncoder {
  private final ByteArrayOutputStream out = new ByteArrayOutputStream(32 * 12);

  AbiEncoder uint(UInt256 v) {
    out.writeBytes(v.toWord());
    return this;
  }

  AbiEncoder uint(long v) {
    if (v < 0) {
      throw new IllegalArgumentException("negative uint");
    }
    return uint(UInt256.of(v));
  }

  AbiEncoder address(Address a) {
    out.writeBytes(a.toWord());
    return this;
  }

  AbiEncoder bytes32(Bytes32 b) {
    out.writeBytes(b.bytes());
    return this;
  }

  AbiEncoder bool(boolean b) {
    return uint(b ? 1 : 0);
  }

  byte[] toBytes() {
    return out.toByteArray();
  }
}
