package org.fedbridge.validator.dkg;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.Locale;

/**
 * Counters of what the DKG consumer read: {@code fedbridge_dkg_records_total{outcome, reason}} with
 * outcome {@code accepted}, {@code ignored} (repeat, outside its round) or {@code rejected}
 * (foreign session, malformed, oversized, forged sender, ...), so junk on the topic is visible.
 */
final class DkgMetrics {
  static final String RECORDS = "fedbridge.dkg.records";

  private final MeterRegistry registry;

  DkgMetrics(MeterRegistry registry) {
    this.registry = registry;
  }

  void accepted(String kind) {
    count("accepted", kind);
  }

  void ignored(String why) {
    count("ignored", why);
  }

  void rejected(String reason) {
    count("rejected", reason);
  }

  private void count(String outcome, String reason) {
    Counter.builder(RECORDS)
        .description("DKG records read from the topic, by outcome and reason")
        .tag("outcome", outcome)
        .tag("reason", reason.toLowerCase(Locale.ROOT))
        .register(registry)
        .increment();
  }
}
