package org.fedbridge.sidechain;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import java.nio.file.Path;
import java.time.Duration;
import org.fedbridge.service.KafkaSettings;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Settings of a sidechain replica ({@code bridge.sidechain.*}).
 *
 * @param chainId the sidechain's EIP-155 chain id (must match the genesis file)
 * @param genesis path of the genesis JSON file
 * @param kafka how to reach Kafka
 * @param topics topic names
 * @param blocks block cutting
 * @param admission the gate in front of the log
 * @param rpc the JSON-RPC endpoint
 */
@Validated
@ConfigurationProperties("bridge.sidechain")
public record SidechainProperties(
    @NotNull @Positive Long chainId,
    @NotNull(message = "must be set to the path of the genesis JSON file") Path genesis,
    @NotNull @Valid KafkaSettings kafka,
    @NotNull @Valid @DefaultValue Topics topics,
    @NotNull @Valid @DefaultValue Blocks blocks,
    @NotNull @Valid @DefaultValue Admission admission,
    @NotNull @Valid @DefaultValue Rpc rpc) {

  /**
   * @param txs the ordered transaction log (one partition)
   */
  public record Topics(@NotBlank @DefaultValue("sidechain.txs") String txs) {}

  /**
   * @param maxTransactions a block is cut after this many transactions
   * @param tickInterval how often a replica appends a tick while transactions wait for a block
   */
  public record Blocks(
      @Min(1) @Max(10_000) @DefaultValue("500") int maxTransactions,
      @NotNull @DefaultValue("200ms") Duration tickInterval) {}

  /**
   * @param nonceWindow how far ahead of the pending nonce a transaction may be (it waits here)
   * @param maxQueued most transactions waiting for a nonce gap to close
   */
  public record Admission(
      @Min(0) @Max(1024) @DefaultValue("64") int nonceWindow,
      @Min(0) @DefaultValue("10000") int maxQueued) {}

  /**
   * @param appendTimeout how long a request that appends to the log (a transaction, a certificate)
   *     waits for Kafka's acknowledgement before it answers "transaction log unavailable"
   */
  public record Rpc(@NotNull @DefaultValue("15s") Duration appendTimeout) {}
}
