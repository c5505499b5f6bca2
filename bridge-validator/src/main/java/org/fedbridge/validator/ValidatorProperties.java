package org.fedbridge.validator;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.PositiveOrZero;
import java.net.URI;
import org.fedbridge.service.KafkaSettings;
import org.fedbridge.validator.dkg.DkgSettings;
import org.fedbridge.validator.federation.FederationSettings;
import org.fedbridge.validator.keys.KeysSettings;
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
    @NotNull @Valid @DefaultValue FederationSettings federation) {

  /**
   * @param rpcUrl L1 JSON-RPC endpoint
   * @param chainId L1 chain id
   * @param vault the BridgeVault contract address
   * @param confirmations blocks a deposit must be buried under before it is signed, when the node
   *     offers no {@code finalized} tag
   */
  public record L1(
      @NotNull URI rpcUrl,
      @NotNull @Positive Long chainId,
      @NotNull @Pattern(regexp = "0x[0-9a-fA-F]{40}", message = "must be a 0x-prefixed address")
          String vault,
      @PositiveOrZero @DefaultValue("12") int confirmations) {}

  /**
   * @param rpcUrl sidechain JSON-RPC endpoint
   * @param chainId sidechain chain id
   */
  public record Sidechain(@NotNull URI rpcUrl, @NotNull @Positive Long chainId) {}

  public record Topics(
      @NotBlank @DefaultValue("bridge.partials") String partials,
      @NotBlank @DefaultValue("bridge.certificates") String certificates,
      @NotBlank @DefaultValue("bridge.dkg") String dkg,
      @NotBlank @DefaultValue("bridge.heartbeats") String heartbeats) {}
}
