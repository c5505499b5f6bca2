package org.fedbridge.validator;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.PositiveOrZero;
import java.net.URI;
import java.time.Duration;
import org.fedbridge.service.KafkaSettings;
import org.fedbridge.validator.dkg.DkgSettings;
import org.fedbridge.validator.federation.FederationSettings;
import org.fedbridge.validator.keys.KeysSettings;
import org.hibernate.validator.constraints.time.DurationMin;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Settings of a federation member ({@code bridge.validator.*}).
 *
 * @param operatorId this member's operator identity, unique in the federation
 * @param l1 the Ethereum side
 * @param sidechain the sidechain side
 * @param kafka how to reach Kafka
 * @param topics topic names
 * @param keys where this member's identity key and shares are
 * @param dkg DKG timeouts
 * @param federation how the current epoch is found
 * @param signing the signing loop and the signing protection
 * @param limits how the vault's per-token limits are mirrored
 * @param consensus how partials are collected and combined
 * @param submit how deposit certificates are submitted to the sidechain
 * @param heartbeat liveness reports on the heartbeats topic
 */
@Validated
@ConfigurationProperties("bridge.validator")
public record ValidatorProperties(
    @NotBlank String operatorId,
    @NotNull @Valid L1 l1,
    @NotNull @Valid Sidechain sidechain,
    @NotNull @Valid KafkaSettings kafka,
    @NotNull @Valid @DefaultValue Topics topics,
    @NotNull @Valid @DefaultValue KeysSettings keys,
    @NotNull @Valid @DefaultValue DkgSettings dkg,
    @NotNull @Valid @DefaultValue FederationSettings federation,
    @NotNull @Valid @DefaultValue Signing signing,
    @NotNull @Valid @DefaultValue Limits limits,
    @NotNull @Valid @DefaultValue Consensus consensus,
    @NotNull @Valid @DefaultValue Submit submit,
    @NotNull @Valid @DefaultValue Heartbeat heartbeat) {

  /** How the L1 watcher decides which blocks are safe to sign. */
  public enum Finality {
    /** The {@code finalized} tag if the node offers it, else head minus {@code confirmations}. */
    AUTO,
    /** The {@code finalized} tag only. */
    FINALIZED,
    /** Head minus {@code confirmations}. */
    CONFIRMATIONS
  }

  /**
   * @param rpcUrl L1 JSON-RPC endpoint
   * @param chainId L1 chain id
   * @param vault the BridgeVault contract address
   * @param confirmations blocks a deposit must be buried under before it is signed, when the node
   *     offers no {@code finalized} tag (or {@code finality = confirmations})
   * @param finality which rule makes a block safe
   * @param startBlock first block to read: the vault's deployment block (deposits before it are not
   *     seen, and the accountant would not count them)
   * @param pollInterval how often the watcher asks for new blocks
   * @param maxBlocksPerPoll most blocks read in one poll (a catching-up watcher commits as it goes)
   * @param timeout per-request timeout
   * @param readAhead how many blocks are read (header, then logs by hash) ahead of the one being
   *     checked and stored; 1 reads one block at a time
   */
  public record L1(
      @NotNull URI rpcUrl,
      @NotNull @Positive Long chainId,
      @NotNull @Pattern(regexp = "0x[0-9a-fA-F]{40}", message = "must be a 0x-prefixed address")
          String vault,
      @PositiveOrZero @DefaultValue("12") int confirmations,
      @NotNull @DefaultValue("AUTO") Finality finality,
      @PositiveOrZero @DefaultValue("0") long startBlock,
      @NotNull @DurationMin(millis = 10) @DefaultValue("1s") Duration pollInterval,
      @Positive @DefaultValue("256") int maxBlocksPerPoll,
      @NotNull @DurationMin(millis = 100) @DefaultValue("10s") Duration timeout,
      @Positive @Max(64) @DefaultValue("4") int readAhead) {}

  /**
   * @param rpcUrl this operator's own sidechain replica (JSON-RPC)
   * @param chainId sidechain chain id
   * @param startBlock first sidechain block to read withdrawals from
   * @param pollInterval how often the watcher asks for new blocks
   * @param maxBlocksPerPoll most blocks read in one poll
   * @param timeout per-request timeout
   */
  public record Sidechain(
      @NotNull URI rpcUrl,
      @NotNull @Positive Long chainId,
      @PositiveOrZero @DefaultValue("1") long startBlock,
      @NotNull @DurationMin(millis = 10) @DefaultValue("250ms") Duration pollInterval,
      @Positive @DefaultValue("1000") int maxBlocksPerPoll,
      @NotNull @DurationMin(millis = 100) @DefaultValue("10s") Duration timeout) {}

  public record Topics(
      @NotBlank @DefaultValue("bridge.partials") String partials,
      @NotBlank @DefaultValue("bridge.certificates") String certificates,
      @NotBlank @DefaultValue("bridge.dkg") String dkg,
      @NotBlank @DefaultValue("bridge.heartbeats") String heartbeats) {}

  /**
   * @param interval how often the signing loop runs when no new batch wakes it
   * @param maxBatchesPerRound most batches of each type one round takes
   * @param maxImportRecords most records one signing-protection import may hold
   */
  public record Signing(
      @NotNull @DurationMin(millis = 10) @DefaultValue("500ms") Duration interval,
      @Positive @DefaultValue("1000") int maxBatchesPerRound,
      @Positive @DefaultValue("1000000") int maxImportRecords) {}

  /**
   * @param refresh how long a token's limits read from the vault are reused before being read again
   */
  public record Limits(@NotNull @DurationMin(millis = 0) @DefaultValue("15s") Duration refresh) {}

  /**
   * @param maxPendingPerMember most batches without a certificate for which one member may hold a
   *     candidate partial; beyond it the member's partials are refused (a member flooding partials
   *     for invented batches cannot grow this validator's memory or database without bound)
   * @param missingSignerGrace how long after a certificate a member may still deliver its partial
   *     before it is counted as missing from that certificate
   * @param republishInterval how often this member re-publishes its own partials of batches that
   *     still have no certificate (also done once at start-up)
   * @param pollTimeout longest wait for Kafka records before timers run
   */
  public record Consensus(
      @Positive @DefaultValue("1000") int maxPendingPerMember,
      @NotNull @DurationMin(millis = 0) @DefaultValue("10s") Duration missingSignerGrace,
      @NotNull @DurationMin(seconds = 1) @DefaultValue("60s") Duration republishInterval,
      @NotNull @DurationMin(millis = 1) @DefaultValue("100ms") Duration pollTimeout) {
    /** The defaults, for code that builds settings by hand (tests, benches). */
    public static Consensus defaults() {
      return new Consensus(
          1000, Duration.ofSeconds(10), Duration.ofSeconds(60), Duration.ofMillis(100));
    }
  }

  /**
   * @param enabled whether this validator submits deposit certificates to the sidechain
   * @param othersDelay how long a validator waits before submitting a certificate that another
   *     member combined (the combiner submits at once; the others only as a fallback)
   * @param minBackoff first retry delay after the sidechain did not answer
   * @param maxBackoff longest retry delay
   * @param timeout per JSON-RPC request
   */
  public record Submit(
      @DefaultValue("true") boolean enabled,
      @NotNull @DurationMin(millis = 0) @DefaultValue("2s") Duration othersDelay,
      @NotNull @DurationMin(millis = 1) @DefaultValue("200ms") Duration minBackoff,
      @NotNull @DurationMin(millis = 1) @DefaultValue("10s") Duration maxBackoff,
      @NotNull @DurationMin(millis = 1) @DefaultValue("5s") Duration timeout) {
    /** The defaults, for code that builds settings by hand (tests, benches). */
    public static Submit defaults() {
      return new Submit(
          true,
          Duration.ofSeconds(2),
          Duration.ofMillis(200),
          Duration.ofSeconds(10),
          Duration.ofSeconds(5));
    }
  }

  /**
   * @param enabled whether heartbeats are published
   * @param interval time between two heartbeats
   */
  public record Heartbeat(
      @DefaultValue("true") boolean enabled,
      @NotNull @DurationMin(millis = 100) @DefaultValue("5s") Duration interval) {
    /** The defaults, for code that builds settings by hand (tests, benches). */
    public static Heartbeat defaults() {
      return new Heartbeat(true, Duration.ofSeconds(5));
    }
  }
}
