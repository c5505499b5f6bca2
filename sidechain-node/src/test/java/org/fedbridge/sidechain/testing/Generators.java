package org.fedbridge.sidechain.testing;

import org.fedbridge.core.types.Hex;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.Generate;

/** QuickTheories generators the property tests share; all of them shrink toward small values. */
public final class Generators {
  private Generators() {}

  /** Any byte, shrinking toward 0. */
  public static Gen<Byte> oneByte() {
    return Generate.bytes(Byte.MIN_VALUE, Byte.MAX_VALUE, (byte) 0);
  }

  /** Byte arrays of 0 to {@code maxSize} bytes, shrinking toward short arrays of zeros. */
  public static Gen<byte[]> bytes(int maxSize) {
    return Generate.byteArrays(Generate.range(0, maxSize), oneByte());
  }

  /** Byte arrays of exactly {@code size} bytes. */
  public static Gen<byte[]> bytesOfSize(int size) {
    return Generate.byteArrays(Generate.constant(size), oneByte());
  }

  /** {@code 0x}-hex of {@link #bytes}. */
  public static Gen<String> hex(int maxSize) {
    return bytes(maxSize).map(Hex::encode);
  }
}
