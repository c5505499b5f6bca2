package org.fedbridge.sidechain.rpc;

import java.math.BigInteger;
import org.fedbridge.core.types.Bytes32;
import org.fedbridge.core.types.Hex;
import org.fedbridge.core.types.UInt256;

/** Ethereum JSON-RPC hex encodings: quantities without leading zeros, data as even-length hex. */
public final class Quantity {
  private Quantity() {}

  public static String of(long v) {
    return "0x" + Long.toHexString(v);
  }

  public static String of(BigInteger v) {
    return "0x" + v.toString(16);
  }

  public static String of(UInt256 v) {
    return of(v.value());
  }

  public static String data(byte[] b) {
    return Hex.encode(b);
  }

  public static String data(Bytes32 b) {
    return b.toHex();
  }
}
