package org.fedbridge.validator.governance;

import java.math.BigDecimal;
import java.time.Clock;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Supplier;
import org.fedbridge.core.message.MessageType;
import org.fedbridge.core.message.PauserUpdate;
import org.fedbridge.core.message.SignedMessage;
import org.fedbridge.core.message.Unpause;
import org.fedbridge.core.types.Result;
import org.fedbridge.core.types.UInt256;
import org.fedbridge.core.wire.Governance;
import org.fedbridge.validator.batch.Batches;
import org.fedbridge.validator.batch.ObservedBatch;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The pauser update or unpause this validator may sign now: the one an authentic {@code
 * PAUSER_UPDATE} or {@code UNPAUSE} record on {@code bridge.governance} asked for (read and checked
 * by {@link GovernanceRules}, kept in {@code governance_pauser_updates} / {@code
 * governance_unpauses}) at the governance nonce the vault expects next, as {@link TokenConfigs}
 * does for token configurations.
 *
 * <p>SECURITY: this is the own observation of a {@code PAUSER_UPDATE} or {@code UNPAUSE} "batch"
 * (batch id = the governance nonce): the signing pipeline signs, and the consensus combines, only a
 * message equal to this output. A message no governance record asked for, one at a nonce the vault
 * already used or has not reached yet, or a nonce two records claim with different messages (of any
 * governance kind) gives nothing to sign. An Unpause is signed only while the vault, read from this
 * validator's own L1 node, is paused with exactly the pause count it names: an unpause made for a
 * pause that already ended, or for a later one, is never signed (and the vault would refuse it).
 * The signing protection then keeps each nonce to one digest per epoch.
 */
public final class PauseGovernance {
  private final JdbcClient jdbc;
  private final Supplier<Result<UInt256>> vaultNonce;
  private final Supplier<Result<PauseState>> pauseState;

  /** The vault's pause as this validator's L1 node reports it. */
  public record PauseState(boolean paused, UInt256 pauseCount) {}

  /**
   * @param vaultNonce the vault's {@code governanceNonce}, read from this validator's own L1 node
   * @param pauseState the vault's {@code paused()} and {@code pauseCount()}, from the same node
   */
  public PauseGovernance(
      JdbcClient jdbc,
      Supplier<Result<UInt256>> vaultNonce,
      Supplier<Result<PauseState>> pauseState) {
    this.jdbc = jdbc;
    this.vaultNonce = vaultNonce;
    this.pauseState = pauseState;
  }

  /** Reads both from one vault client. */
  public PauseGovernance(JdbcClient jdbc, VaultGovernanceNonce vault) {
    this(jdbc, vault, vault::pauseState);
  }

  /** The approved PauserUpdate or Unpause at the vault's current governance nonce, if any. */
  public Optional<SignedMessage> current() {
    // Asked every signing round: L1 is read only once some record asked for one.
    if (!jdbc.sql(
            "SELECT EXISTS (SELECT 1 FROM governance_pauser_updates)"
                + " OR EXISTS (SELECT 1 FROM governance_unpauses)")
        .query(Boolean.class)
        .single()) {
      return Optional.empty();
    }
    Result<UInt256> nonce = vaultNonce.get();
    return nonce.isOk() ? approvedAt(nonce.orThrow()) : Optional.empty();
  }

  /** The approved message of {@code type} at {@code nonce}, only while that nonce is current. */
  public Optional<SignedMessage> confirmed(MessageType type, UInt256 nonce) {
    Result<UInt256> current = vaultNonce.get();
    // SECURITY: a nonce the vault used already (a replay) or has not reached is never signed.
    if (!current.isOk() || !current.orThrow().equals(nonce)) {
      return Optional.empty();
    }
    return approvedAt(nonce).filter(m -> m.type() == type);
  }

  /** {@code batches} plus the current pauser update or unpause as a batch of its type. */
  public Batches over(Batches batches) {
    return (type, batchId) ->
        switch (type) {
          case PAUSER_UPDATE ->
              confirmed(type, batchId)
                  .map(m -> (ObservedBatch) new ObservedBatch.PauserChange((PauserUpdate) m));
          case UNPAUSE ->
              confirmed(type, batchId)
                  .map(m -> (ObservedBatch) new ObservedBatch.PauseLift((Unpause) m));
          default -> batches.find(type, batchId);
        };
  }

  private Optional<SignedMessage> approvedAt(UInt256 nonce) {
    SignedMessage m = GovernanceNonces.single(jdbc, nonce);
    if (m instanceof PauserUpdate) {
      return Optional.of(m);
    }
    if (m instanceof Unpause u) {
      Result<PauseState> state = pauseState.get();
      // SECURITY: only the pause in force now is lifted: paused, with the count the record names.
      if (state.isOk()
          && state.orThrow().paused()
          && state.orThrow().pauseCount().equals(u.pauseCount())) {
        return Optional.of(u);
      }
    }
    return Optional.empty();
  }

  /** Records an approved pauser update (in the governance feed's transaction). */
  static void record(JdbcClient jdbc, Governance g, PauserUpdate u, Clock clock) {
    GovernanceFeed.insert(
        jdbc,
        g,
        "PAUSER_UPDATE",
        (u.enabled() ? "add" : "remove")
            + " pauser "
            + u.pauser()
            + " at governance nonce "
            + u.governanceNonce(),
        null,
        clock);
    jdbc.sql(
            "INSERT INTO governance_pauser_updates (sequence, governance_nonce, pauser, enabled)"
                + " VALUES (:s, :n, :p, :e)")
        .param("s", g.sequence())
        .param("n", new BigDecimal(u.governanceNonce().value()))
        .param("p", u.pauser().toHex().toLowerCase(Locale.ROOT))
        .param("e", u.enabled())
        .update();
  }

  /** Records an approved unpause (in the governance feed's transaction). */
  static void record(JdbcClient jdbc, Governance g, Unpause u, Clock clock) {
    GovernanceFeed.insert(
        jdbc,
        g,
        "UNPAUSE",
        "unpause of pause " + u.pauseCount() + " at governance nonce " + u.governanceNonce(),
        null,
        clock);
    jdbc.sql(
            "INSERT INTO governance_unpauses (sequence, governance_nonce, pause_count)"
                + " VALUES (:s, :n, :c)")
        .param("s", g.sequence())
        .param("n", new BigDecimal(u.governanceNonce().value()))
        .param("c", new BigDecimal(u.pauseCount().value()))
        .update();
  }
}
