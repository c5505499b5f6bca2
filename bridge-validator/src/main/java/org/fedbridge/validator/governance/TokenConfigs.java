package org.fedbridge.validator.governance;

import java.math.BigDecimal;
import java.time.Clock;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Supplier;
import org.fedbridge.core.message.MessageType;
import org.fedbridge.core.message.TokenConfig;
import org.fedbridge.core.types.Result;
import org.fedbridge.core.types.UInt256;
import org.fedbridge.core.wire.Governance;
import org.fedbridge.validator.batch.Batches;
import org.fedbridge.validator.batch.ObservedBatch;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The token configuration this validator may sign now: the one an authentic {@code TOKEN_CONFIG}
 * record on {@code bridge.governance} asked for (read and checked by {@link GovernanceRules}, kept
 * in {@code governance_token_configs}) at the governance nonce the vault expects next.
 *
 * <p>SECURITY: this is the own observation of a {@code TOKEN_CONFIG} "batch" (batch id = the
 * governance nonce): the signing pipeline signs, and the consensus combines, only a TokenConfig
 * equal to this output. A config no governance record asked for, one with other limits, one at a
 * nonce the vault already used or has not reached yet, or a nonce two records claim with different
 * messages (another config, a pauser update or an unpause) gives nothing to sign. The signing
 * protection then keeps it to one digest per nonce and epoch.
 */
public final class TokenConfigs {
  private final JdbcClient jdbc;
  private final Supplier<Result<UInt256>> vaultNonce;

  /**
   * @param vaultNonce the vault's {@code governanceNonce} (the only nonce it accepts next), read
   *     from this validator's own L1 node
   */
  public TokenConfigs(JdbcClient jdbc, Supplier<Result<UInt256>> vaultNonce) {
    this.jdbc = jdbc;
    this.vaultNonce = vaultNonce;
  }

  /** The approved TokenConfig at the vault's current governance nonce, if any. */
  public Optional<TokenConfig> current() {
    // Asked every signing round: L1 is read only once some record asked for a config.
    if (!jdbc.sql("SELECT EXISTS (SELECT 1 FROM governance_token_configs)")
        .query(Boolean.class)
        .single()) {
      return Optional.empty();
    }
    Result<UInt256> nonce = vaultNonce.get();
    return nonce.isOk() ? approvedAt(nonce.orThrow()) : Optional.empty();
  }

  /** The approved TokenConfig at {@code nonce}, only while that is the vault's current nonce. */
  public Optional<TokenConfig> confirmed(UInt256 nonce) {
    Result<UInt256> current = vaultNonce.get();
    // SECURITY: a nonce the vault used already (a replay) or has not reached is never signed.
    if (!current.isOk() || !current.orThrow().equals(nonce)) {
      return Optional.empty();
    }
    return approvedAt(nonce);
  }

  /** {@code batches} plus the current token configuration as a {@code TOKEN_CONFIG} batch. */
  public Batches over(Batches batches) {
    return (type, batchId) ->
        type != MessageType.TOKEN_CONFIG
            ? batches.find(type, batchId)
            : confirmed(batchId).map(ObservedBatch.TokenRegistration::new);
  }

  private Optional<TokenConfig> approvedAt(UInt256 nonce) {
    // SECURITY: a nonce also claimed by another config, a pauser update or an unpause is signed
    // for none of them (GovernanceNonces).
    return GovernanceNonces.single(jdbc, nonce) instanceof TokenConfig c
        ? Optional.of(c)
        : Optional.empty();
  }

  /** Records an approved token configuration (in the governance feed's transaction). */
  static void record(JdbcClient jdbc, Governance g, TokenConfig c, Clock clock) {
    GovernanceFeed.insert(
        jdbc,
        g,
        "TOKEN_CONFIG",
        "token config of " + c.token() + " at governance nonce " + c.governanceNonce(),
        null,
        clock);
    jdbc.sql(
            "INSERT INTO governance_token_configs (sequence, governance_nonce, token, registered,"
                + " period_limit, period_seconds, delay_threshold, delay_seconds)"
                + " VALUES (:s, :n, :t, :r, :pl, :ps, :dt, :ds)")
        .param("s", g.sequence())
        .param("n", new BigDecimal(c.governanceNonce().value()))
        .param("t", c.token().toHex().toLowerCase(Locale.ROOT))
        .param("r", c.registered())
        .param("pl", new BigDecimal(c.periodLimit().value()))
        .param("ps", new BigDecimal(c.periodSeconds().value()))
        .param("dt", new BigDecimal(c.delayThreshold().value()))
        .param("ds", new BigDecimal(c.delaySeconds().value()))
        .update();
  }
}
