package org.fedbridge.sidechain.genesis;

import org.fedbridge.core.types.Address;

/**
 * A bridged token: its L1 address and the deterministic sidechain address where it answers.
 *
 * @param l1Token the ERC-20 on L1
 * @param address the sidechain token address, {@link TokenAddresses#sidechainToken}
 */
public record Token(Address l1Token, Address address, String symbol, String name, int decimals) {
  public Token {
    if (decimals < 0 || decimals > 255) {
      throw new IllegalArgumentException("decimals must be in [0, 255]");
    }
    if (!address.equals(TokenAddresses.sidechainToken(l1Token))) {
      throw new IllegalArgumentException("token address is not the derived one");
    }
  }

  public static Token of(Address l1Token, String symbol, String name, int decimals) {
    return new Token(l1Token, TokenAddresses.sidechainToken(l1Token), symbol, name, decimals);
  }
}
