package org.fedbridge.sidechain.genesis;

import java.nio.charset.StandardCharsets;
import org.fedbridge.core.types.Address;
import org.fedbridge.core.types.Keccak;

/**
 * Where a bridged L1 token answers on the sidechain: the last 20 bytes of {@code
 * keccak256("fedbridge.sidechain.token" ‖ l1Token)}, with {@code l1Token} as its 20 raw bytes. The
 * derivation is pure, so validators, the relayer and the devnet compute the same address without
 * asking a node. {@code address(0)} (ETH) is native and has no token address.
 */
public final class TokenAddresses {
  /** The ASCII prefix hashed before the L1 token address. */
  public static final String PREFIX = "fedbridge.sidechain.token";

  private static final byte[] PREFIX_BYTES = PREFIX.getBytes(StandardCharsets.US_ASCII);

  private TokenAddresses() {}

  public static Address sidechainToken(Address l1Token) {
    if (l1Token.equals(Address.ZERO)) {
      throw new IllegalArgumentException("address(0) is native ETH, not a token");
    }
    byte[] h = Keccak.hashBytes(PREFIX_BYTES, l1Token.bytes());
    byte[] a = new byte[20];
    System.arraycopy(h, 12, a, 0, 20);
    return new Address(a);
  }
}
