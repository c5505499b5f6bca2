package org.fedbridge.relayer.vault;

import java.math.BigInteger;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.fedbridge.relayer.chain.VaultClient;

/**
 * The vault's state as last read: pause flag, epoch, and each token's limits and flow, at the L1
 * block time {@code at}.
 *
 * @param readAt when the relayer read it (wall clock)
 * @param at the L1 head's block time when read (the vault's {@code block.timestamp})
 * @param paused whether the vault is paused
 * @param epoch the vault's current federation epoch
 * @param challengePeriod how long a posted root waits before it can be claimed (zero: no window)
 * @param tokens every token the relayer knows (ETH first), keyed by lowercase L1 address
 */
public record VaultSnapshot(
    Instant readAt,
    Instant at,
    boolean paused,
    long epoch,
    java.time.Duration challengePeriod,
    Map<String, TokenState> tokens) {

  public static final String ETH = "0x0000000000000000000000000000000000000000";

  /** A token's registry entry, limits, flow, and its sidechain address. */
  public record TokenState(
      String l1Token,
      String sidechainToken,
      String symbol,
      int decimals,
      VaultClient.TokenLimits limits,
      VaultClient.TokenFlow flow) {

    /**
     * When the current period ends (the vault resets the spent amount at the first claim after).
     */
    public Instant periodEnd() {
      return flow.periodStart().plusSeconds(limits.periodSeconds());
    }

    /** What left the vault in the period that is current at {@code now}. */
    public BigInteger spent(Instant now) {
      return now.isBefore(periodEnd()) ? flow.spent() : BigInteger.ZERO;
    }

    /** What may still leave the vault in the period that is current at {@code now}. */
    public BigInteger available(Instant now) {
      if (!now.isBefore(periodEnd())) {
        return limits.periodLimit();
      }
      BigInteger left = limits.periodLimit().subtract(flow.spent());
      return left.signum() < 0 ? BigInteger.ZERO : left;
    }
  }

  public Optional<TokenState> token(String l1Token) {
    return Optional.ofNullable(tokens.get(l1Token.toLowerCase(java.util.Locale.ROOT)));
  }

  public List<TokenState> tokenList() {
    return List.copyOf(tokens.values());
  }
}
