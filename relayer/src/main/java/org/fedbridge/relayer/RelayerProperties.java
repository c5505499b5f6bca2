package org.fedbridge.relayer;

import jakarta.validation.Valid;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import java.math.BigInteger;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.fedbridge.service.KafkaSettings;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Settings of the relayer ({@code bridge.relayer.*}).
 *
 * @param l1 the Ethereum side
 * @param vault the BridgeVault contract address on L1
 * @param sidechain the sidechain side
 * @param kafka how to reach Kafka
 * @param topics topic names
 * @param keys the gas-paying L1 key; without it the relayer tracks and answers but sends nothing
 * @param submit how withdrawals are posted and claimed
 * @param fees EIP-1559 fee policy
 * @param api the user REST API
 */
@Validated
@ConfigurationProperties("bridge.relayer")
public record RelayerProperties(
    @NotNull @Valid L1 l1,
    @NotNull @Pattern(regexp = "0x[0-9a-fA-F]{40}", message = "must be a 0x-prefixed address")
        String vault,
    @NotNull @Valid Sidechain sidechain,
    @NotNull @Valid KafkaSettings kafka,
    @NotNull @Valid @DefaultValue Topics topics,
    @Valid Keys keys,
    @NotNull @Valid @DefaultValue Submit submit,
    @NotNull @Valid @DefaultValue Fees fees,
    @NotNull @Valid @DefaultValue Api api) {

  /**
   * @param rpcUrl JSON-RPC endpoint
   * @param chainId chain id
   * @param confirmations blocks a log must be buried under (1 = the head itself) before the relayer
   *     treats it as final; also the "k/N" a deposit waits for
   * @param startBlock first block to scan for vault logs (the vault's deployment block)
   * @param pollInterval how often the head is read
   * @param maxBlocksPerScan most blocks per {@code eth_getLogs}
   */
  public record L1(
      @NotNull URI rpcUrl,
      @NotNull @Positive Long chainId,
      @DefaultValue("2") @Min(1) @Max(1000) int confirmations,
      @DefaultValue("0") @Min(0) long startBlock,
      @NotNull @DefaultValue("1s") Duration pollInterval,
      @DefaultValue("2000") @Min(1) @Max(100_000) int maxBlocksPerScan) {}

  /**
   * @param rpcUrl JSON-RPC endpoint of a sidechain replica the relayer trusts for tracking
   * @param chainId sidechain id (bound into every digest)
   * @param pollInterval how often the head is read
   * @param maxBlocksPerScan most blocks per {@code eth_getLogs}
   */
  public record Sidechain(
      @NotNull URI rpcUrl,
      @NotNull @Positive Long chainId,
      @NotNull @DefaultValue("500ms") Duration pollInterval,
      @DefaultValue("2000") @Min(1) @Max(100_000) int maxBlocksPerScan) {}

  public record Topics(
      @NotBlank @DefaultValue("bridge.certificates") String certificates,
      @NotBlank @DefaultValue("bridge.partials") String partials) {}

  /**
   * The gas-paying key: a standard Ethereum (web3j / geth V3) keystore file, and its password from
   * a file or an environment variable (never from a setting's value, never logged).
   *
   * @param keystore the keystore file
   * @param passwordFile a file whose content (one line) is the password
   * @param passwordEnv the name of an environment variable that holds the password
   */
  public record Keys(@NotNull Path keystore, Path passwordFile, String passwordEnv) {
    @AssertTrue(message = "set exactly one of password-file and password-env")
    public boolean isOnePasswordSource() {
      boolean file = passwordFile != null;
      boolean env = passwordEnv != null && !passwordEnv.isBlank();
      return file ^ env;
    }
  }

  /**
   * @param enabled whether the relayer sends transactions at all (needs {@code keys})
   * @param interval how often the outbox and the plan are looked at
   * @param claimGasBudget the most gas one {@code claimMany} may use
   * @param maxClaimsPerTransaction the most withdrawals in one {@code claimMany}
   * @param claimGasEstimate gas one claim is expected to add to a batch, for sizing and fee quotes
   * @param stuckAfter a transaction not mined after this long is replaced with higher fees
   * @param maxInFlight the most unmined transactions at once
   * @param gasLimitMargin percent added to {@code eth_estimateGas}
   */
  public record Submit(
      @DefaultValue("true") boolean enabled,
      @NotNull @DefaultValue("1s") Duration interval,
      @DefaultValue("6000000") @Min(100_000) long claimGasBudget,
      @DefaultValue("64") @Min(1) @Max(1024) int maxClaimsPerTransaction,
      @DefaultValue("40000") @Min(21_000) long claimGasEstimate,
      @NotNull @DefaultValue("60s") Duration stuckAfter,
      @DefaultValue("4") @Min(1) @Max(64) int maxInFlight,
      @DefaultValue("25") @Min(0) @Max(200) int gasLimitMargin) {}

  /**
   * EIP-1559 fees from {@code eth_feeHistory}.
   *
   * @param historyBlocks blocks of history read
   * @param rewardPercentile priority-fee percentile taken from each block
   * @param baseFeeMultiplier the max fee covers this many times the next base fee, plus the tip
   * @param minPriorityFee lowest tip offered (wei)
   * @param maxPriorityFee highest tip offered (wei)
   * @param maxFeeCeiling the relayer never offers more than this per gas (wei): above it, it waits
   * @param bumpPercent a replacement raises both fees by at least this much (geth needs 10)
   */
  public record Fees(
      @DefaultValue("10") @Min(1) @Max(1024) int historyBlocks,
      @DefaultValue("50") @DecimalMin("0") @DecimalMax("100") double rewardPercentile,
      @DefaultValue("2") @Min(1) @Max(10) int baseFeeMultiplier,
      @NotNull @DefaultValue("1000000000") BigInteger minPriorityFee,
      @NotNull @DefaultValue("5000000000") BigInteger maxPriorityFee,
      @NotNull @DefaultValue("300000000000") BigInteger maxFeeCeiling,
      @DefaultValue("15") @Min(10) @Max(500) int bumpPercent) {}

  /**
   * @param rateLimit per-client request budget
   * @param corsAllowedOrigins origins whose pages may call the API ({@code *} for any)
   * @param maxPageSize largest page of an address's transfers
   * @param sseTimeout how long an event stream stays open before the client reconnects
   * @param trustForwardedFor take the client address from {@code X-Forwarded-For} (only behind a
   *     proxy that sets it)
   */
  public record Api(
      @NotNull @Valid @DefaultValue RateLimit rateLimit,
      @NotNull @DefaultValue("*") List<String> corsAllowedOrigins,
      @DefaultValue("100") @Min(1) @Max(1000) int maxPageSize,
      @NotNull @DefaultValue("10m") Duration sseTimeout,
      @DefaultValue("false") boolean trustForwardedFor,
      @NotNull @Valid @DefaultValue Estimates estimates) {}

  /**
   * What the API's "next stage due" estimates assume.
   *
   * @param l1BlockTime L1's block interval
   * @param signingTime how long the federation usually takes to certify a final batch
   * @param mintTime how long a certified deposit usually takes to be minted
   * @param postRootGas gas of one {@code postWithdrawalRoot}, shared by a batch's withdrawals
   */
  public record Estimates(
      @NotNull @DefaultValue("12s") Duration l1BlockTime,
      @NotNull @DefaultValue("30s") Duration signingTime,
      @NotNull @DefaultValue("10s") Duration mintTime,
      @DefaultValue("185000") @Min(21_000) long postRootGas) {}

  /**
   * A token bucket per client address.
   *
   * @param requestsPerSecond refill rate
   * @param burst bucket size
   * @param maxClients clients tracked at once (the least recently seen are forgotten)
   */
  public record RateLimit(
      @DefaultValue("20") @Positive double requestsPerSecond,
      @DefaultValue("40") @Min(1) int burst,
      @DefaultValue("100000") @Min(1) int maxClients) {}
}
