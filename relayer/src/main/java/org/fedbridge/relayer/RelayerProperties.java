package org.fedbridge.relayer;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import java.net.URI;
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
 */
@Validated
@ConfigurationProperties("bridge.relayer")
public record RelayerProperties(
    @NotNull @Valid Chain l1,
    @NotNull @Pattern(regexp = "0x[0-9a-fA-F]{40}", message = "must be a 0x-prefixed address")
        String vault,
    @NotNull @Valid Chain sidechain,
    @NotNull @Valid KafkaSettings kafka,
    @NotNull @Valid @DefaultValue Topics topics) {

  /**
   * @param rpcUrl JSON-RPC endpoint
   * @param chainId chain id
   */
  public record Chain(@NotNull URI rpcUrl, @NotNull @Positive Long chainId) {}

  public record Topics(@NotBlank @DefaultValue("bridge.certificates") String certificates) {}
}
