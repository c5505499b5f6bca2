package org.fedbridge.sidechain.ledger;

import java.util.Optional;
import org.fedbridge.core.types.Address;
import org.fedbridge.core.types.UInt256;
import org.fedbridge.sidechain.genesis.Token;
import org.fedbridge.sidechain.genesis.WithdrawalLimits;

/**
 * Which withdrawals the vault on L1 could pay. The sidechain burns nothing it could not (threats.md
 * row 21): the same rules refuse a transaction at admission and revert it at execution.
 */
final class WithdrawalRules {
  private final Address vault;
  private final Optional<UInt256> ethMaximum;

  WithdrawalRules(Address vault, Optional<UInt256> ethMaximum) {
    this.vault = vault;
    this.ethMaximum = ethMaximum;
  }

  /**
   * Why the vault could never pay {@code amount} of {@code token} ({@code null}: ETH) to {@code
   * recipient}, if it could not.
   */
  Optional<String> refusal(Token token, Address recipient, UInt256 amount) {
    // SECURITY: threats.md row 21 — a burn the vault cannot pay would lock the funds forever.
    if (recipient.equals(Address.ZERO)) {
      return Optional.of("withdrawal to the zero address");
    }
    if (recipient.equals(vault)) {
      return Optional.of("withdrawal to the vault itself, which cannot pay itself");
    }
    return WithdrawalLimits.amountRefusal(
        amount, token == null ? ethMaximum : token.maxWithdrawal());
  }
}
