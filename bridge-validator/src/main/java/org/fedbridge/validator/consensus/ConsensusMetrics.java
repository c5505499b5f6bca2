package org.fedbridge.validator.consensus;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;
import org.fedbridge.core.message.MessageType;

/**
 * The consensus feature's metrics (Prometheus names in the comments). Member tags are operator ids
 * of authenticated senders, or {@value #UNAUTHENTICATED}, so their number stays bounded by the
 * federation's size whatever arrives on Kafka.
 */
final class ConsensusMetrics {
  static final String UNAUTHENTICATED = "unauthenticated";

  private final MeterRegistry registry;
  private final AtomicInteger pendingBatches = new AtomicInteger();

  ConsensusMetrics(MeterRegistry registry) {
    this.registry = registry;
    // fedbridge_validator_consensus_pending_batches
    registry.gauge("fedbridge.validator.consensus.pending.batches", pendingBatches);
    registry.counter("fedbridge.validator.partial.pairings");
  }

  /** fedbridge_validator_partials_received_total{member}: authenticated partials, current epoch. */
  void received(String member) {
    Counter.builder("fedbridge.validator.partials.received")
        .description("Authenticated partial signatures received, per member")
        .tag("member", member)
        .register(registry)
        .increment();
  }

  /** fedbridge_validator_partials_rejected_total{reason,member}. */
  void rejected(PartialRejection reason, String member) {
    Counter.builder("fedbridge.validator.partials.rejected")
        .description("Partial signatures refused, by reason and authenticated member")
        .tag("reason", reason.tag())
        .tag("member", member)
        .register(registry)
        .increment();
  }

  /**
   * fedbridge_validator_certificates_combined_total{type}: certificates this validator combined.
   */
  void combined(MessageType type) {
    Counter.builder("fedbridge.validator.certificates.combined")
        .description("Certificates combined by this validator")
        .tag("type", tag(type))
        .register(registry)
        .increment();
  }

  /** fedbridge_validator_certificate_missing_signers_total{member}. */
  void missingSigner(String member) {
    Counter.builder("fedbridge.validator.certificate.missing.signers")
        .description("Members that gave no valid partial for a certified batch within the grace")
        .tag("member", member)
        .register(registry)
        .increment();
  }

  /** fedbridge_validator_certificate_latency_seconds{type}: first partial seen → certificate. */
  void latency(MessageType type, Duration d) {
    Timer.builder("fedbridge.validator.certificate.latency")
        .description("From the first partial of a batch seen here to its certificate")
        .tag("type", tag(type))
        .publishPercentileHistogram()
        .minimumExpectedValue(Duration.ofMillis(1))
        .maximumExpectedValue(Duration.ofMinutes(5))
        .register(registry)
        .record(d);
  }

  /** fedbridge_validator_kafka_records_skipped_total{topic,reason}. */
  void skipped(String topic, String reason) {
    Counter.builder("fedbridge.validator.kafka.records.skipped")
        .description("Kafka records skipped as garbage, truncated, oversized or of a wrong epoch")
        .tag("topic", topic)
        .tag("reason", reason)
        .register(registry)
        .increment();
  }

  /** fedbridge_validator_partial_pairings_total: pairing checks spent on partials and combining. */
  void pairings(int n) {
    if (n > 0) {
      registry.counter("fedbridge.validator.partial.pairings").increment(n);
    }
  }

  /** fedbridge_validator_certificate_verifications_total: certificates from the topic checked. */
  void certificateVerified() {
    registry.counter("fedbridge.validator.certificate.verifications").increment();
  }

  /** fedbridge_validator_certificate_signers: how many partials each combined certificate used. */
  void signers(int n) {
    DistributionSummary.builder("fedbridge.validator.certificate.signers")
        .register(registry)
        .record(n);
  }

  void pendingBatches(int n) {
    pendingBatches.set(n);
  }

  static String tag(MessageType type) {
    return type.name().toLowerCase(Locale.ROOT);
  }
}
