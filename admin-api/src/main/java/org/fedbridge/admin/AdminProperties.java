package org.fedbridge.admin;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import org.fedbridge.service.KafkaSettings;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Settings of the admin console ({@code bridge.admin.*}).
 *
 * @param requiredApprovals M in M-of-N: distinct admins that must approve a proposal
 * @param kafka how to reach Kafka
 * @param topics topic names
 */
@Validated
@ConfigurationProperties("bridge.admin")
public record AdminProperties(
    @Min(value = 2, message = "must be at least 2: no single admin may act alone")
        @DefaultValue("2")
        int requiredApprovals,
    @NotNull @Valid KafkaSettings kafka,
    @NotNull @Valid @DefaultValue Topics topics) {

  public record Topics(@NotBlank @DefaultValue("bridge.governance") String governance) {}
}
