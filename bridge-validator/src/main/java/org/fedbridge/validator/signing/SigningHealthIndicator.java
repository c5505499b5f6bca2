package org.fedbridge.validator.signing;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;

/**
 * Readiness contributor {@code signing}: DOWN with the halt's source, reason and time while signing
 * is halted (fail closed), UP otherwise.
 */
final class SigningHealthIndicator implements HealthIndicator {
  private final SigningHalt halt;

  SigningHealthIndicator(SigningHalt halt) {
    this.halt = halt;
  }

  @Override
  public Health health() {
    return halt.current()
        .map(
            h ->
                Health.down()
                    .withDetail("halted", true)
                    .withDetail("source", h.source())
                    .withDetail("reason", h.reason())
                    .withDetail("since", h.since().toString())
                    .build())
        .orElseGet(() -> Health.up().withDetail("halted", false).build());
  }
}
