package org.fedbridge.sidechain;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import org.fedbridge.service.KafkaSettings;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Settings of a sidechain replica ({@code bridge.sidechain.*}).
 *
 * @param chainId the sidechain's EIP-155 chain id
 * @param kafka how to reach Kafka
 * @param topics topic names
 */
@Validated
@ConfigurationProperties("bridge.sidechain")
public record SidechainProperties(
    @NotNull @Positive Long chainId,
    @NotNull @Valid KafkaSettings kafka,
    @NotNull @Valid @DefaultValue Topics topics) {

  /**
   * @param txs the ordered transaction log (one partition)
   */
  public record Topics(@NotBlank @DefaultValue("sidechain.txs") String txs) {}
}
