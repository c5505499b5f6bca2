package org.fedbridge.validator.federation;

import jakarta.validation.constraints.NotNull;
import java.nio.file.Path;
import java.time.Duration;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How this validator finds the current epoch ({@code bridge.validator.federation.*}).
 *
 * @param spec a federation spec whose DKG this validator runs at start-up unless its result is
 *     already stored (optional; the {@code dkg} command does the same without starting the service)
 * @param refresh how often the epoch active on L1 and on the sidechain is read
 */
public record FederationSettings(Path spec, @NotNull @DefaultValue("5s") Duration refresh) {}
