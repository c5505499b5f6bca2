package org.fedbridge.relayer.vault;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.fedbridge.relayer.chain.VaultClient;

/**
 * The vault's state as last read: pause flag and count, epoch, challenge period, and each token's
 * limits and flow, at the L1 block time {@code at}.
 *
 * @param readAt when the relayer read it (wall clock)
 * @param at the L1 head's block time when read (the vault's {@code block.timestamp})
 * @param paused whether the vault is paused
 * @param pauseCount how many times it was paused (an unpause certificate names its pause)
 * @param epoch the vault's current federation epoch
 * @param challengePeriod how long a posted root waits before anything in it pays
 * @param tokens every token the relayer knows (ETH first), keyed by lowercase L1 address
 */
public record VaultSnapshot(
    Instant readAt,
    Instant at,
    boolean paused,
    long pauseCount,
    long epoch,
    Duration challengePeriod,
    Map<String, TokenState> tokens) {

  public static final String ETH = "0x0000000000000000000000000000000000000000";

  /** A token's registry entry, limits, flow (as the vault computed it at {@code at}), addresses. */
  public record TokenState(
      String l1Token,
      String sidechainToken,
      String symbol,
      int decimals,
      VaultClient.TokenLimits limits,
      VaultClient.TokenFlow flow) {

    /**
     * Length of the vault's sub-windows, ⌈periodSeconds/2⌉ (contracts {@code OutflowLimit}): an
     * outflow counts in the sub-window it happened in and the two after it.
     */
    public long slotSeconds() {
      return Math.max(1, (limits.periodSeconds() + 1) / 2);
    }

    /** The sub-window {@code t} falls in. */
    public long slotOf(Instant t) {
      return t.getEpochSecond() / slotSeconds();
    }

    /** When sub-window {@code slot} starts. */
    public Instant slotStart(long slot) {
      return Instant.ofEpochSecond(slot * slotSeconds());
    }

    /** When the vault's window next moves on (the oldest counted sub-window stops counting). */
    public Instant nextRollAt(Instant now) {
      return slotStart(slotOf(now) + 1);
    }
  }

  public Optional<TokenState> token(String l1Token) {
    return Optional.ofNullable(tokens.get(l1Token.toLowerCase(Locale.ROOT)));
  }

  public List<TokenState> tokenList() {
    return List.copyOf(tokens.values());
  }
}
