package org.fedbridge.sidechain.genesis;

import java.util.Optional;
import org.fedbridge.core.types.Address;
import org.fedbridge.core.types.UInt256;

/**
 * A bridged token: its L1 address and the deterministic sidechain address where it answers.
 *
 * @param l1Token the ERC-20 on L1
 * @param address the sidechain token address, {@link TokenAddresses#sidechainToken}
 * @param maxWithdrawal the largest single withdrawal the vault pays, if configured: the genesis
 *     file's (positive), or the period limit of the latest certified {@code TokenConfig} applied to
 *     it (zero: the vault pays none of it)
 */
public record Token(
    Address l1Token,
    Address address,
    String symbol,
    String name,
    int decimals,
    Optional<UInt256> maxWithdrawal) {
  public Token {
    if (decimals < 0 || decimals > 255) {
      throw new IllegalArgumentException("decimals must be in [0, 255]");
    }
    if (!address.equals(TokenAddresses.sidechainToken(l1Token))) {
      throw new IllegalArgumentException("token address is not the derived one");
    }
    maxWithdrawal.ifPresent(
        m -> {
          if (m.compareTo(WithdrawalLimits.VAULT_BOUND) >= 0) {
            throw new IllegalArgumentException("maxWithdrawal must be below 2^96");
          }
        });
  }

  public static Token of(Address l1Token, String symbol, String name, int decimals) {
    return new Token(
        l1Token, TokenAddresses.sidechainToken(l1Token), symbol, name, decimals, Optional.empty());
  }

  public Token withMaxWithdrawal(UInt256 max) {
    return new Token(l1Token, address, symbol, name, decimals, Optional.of(max));
  }
}
