package org.fedbridge.validator.governance;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * What the validator accepts from the admin console ({@code bridge.validator.governance.*}).
 *
 * @param key admin-api's governance public key (33-byte compressed secp256k1, 0x hex): the only key
 *     whose records on {@code bridge.governance} are read; without it they are all ignored
 * @param topic the governance topic
 * @param poll how long one poll of the topic waits
 */
@Validated
@ConfigurationProperties("bridge.validator.governance")
public record GovernanceSettings(
    @Pattern(regexp = "0x0[23][0-9a-fA-F]{64}", message = "must be a 0x 33-byte compressed key")
        String key,
    @NotBlank @DefaultValue("bridge.governance") String topic,
    @NotNull @DefaultValue("500ms") Duration poll) {}
