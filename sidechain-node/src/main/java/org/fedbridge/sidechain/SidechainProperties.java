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
import org.springframework.util.unit.DataSize;
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
 * @param history the window of past blocks whose state stays readable
 * @param websocket JSON-RPC over WebSocket with subscriptions
 * @param filters JSON-RPC filters for clients that poll
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
    @NotNull @Valid @DefaultValue Rpc rpc,
    @NotNull @Valid @DefaultValue History history,
    @NotNull @Valid @DefaultValue WebSocket websocket,
    @NotNull @Valid @DefaultValue Filters filters) {

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

  /**
   * @param blocks state reads answer at the latest block and at this many blocks before it (geth
   *     keeps 128); 0 keeps the latest state only
   */
  public record History(@Min(0) @Max(100_000) @DefaultValue("128") int blocks) {}

  /**
   * @param enabled whether {@code ws://host:port/} accepts WebSocket connections
   * @param maxConnections most WebSocket connections at once
   * @param maxConnectionsPerClient most at once from one remote address
   * @param maxSubscriptionsPerConnection most {@code eth_subscribe} subscriptions per connection
   * @param maxPendingMessages a subscriber with more messages waiting than this is too slow and is
   *     disconnected (close code 1008), so it never holds up anyone else
   * @param maxMessageSize largest request message (a batch) a connection may send; the container
   *     reserves a buffer of this size (twice, as characters) for every connection, so it bounds
   *     memory too: large batches belong on HTTP
   */
  public record WebSocket(
      @DefaultValue("true") boolean enabled,
      @Min(1) @DefaultValue("1000") int maxConnections,
      @Min(1) @DefaultValue("100") int maxConnectionsPerClient,
      @Min(1) @DefaultValue("256") int maxSubscriptionsPerConnection,
      @Min(1) @DefaultValue("4096") int maxPendingMessages,
      @NotNull @DefaultValue("128KB") DataSize maxMessageSize) {}

  /**
   * @param max most installed filters ({@code eth_newFilter} and kin) at once
   * @param timeout a filter not polled for this long is removed (geth: 5 minutes)
   * @param maxChanges most changes a filter buffers between polls (the oldest are dropped beyond)
   */
  public record Filters(
      @Min(1) @DefaultValue("10000") int max,
      @NotNull @DefaultValue("5m") Duration timeout,
      @Min(1) @DefaultValue("10000") int maxChanges) {}
}
