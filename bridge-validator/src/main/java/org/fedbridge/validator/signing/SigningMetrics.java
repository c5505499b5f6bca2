package org.fedbridge.validator.signing;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;
import org.fedbridge.core.message.MessageType;
import org.fedbridge.core.types.Address;

/**
 * The signing side's metrics (Prometheus names as agreed with the platform work): {@code
 * fedbridge_validator_batches_signed_total{type=deposit_batch|withdrawal_batch}}, {@code
 * fedbridge_validator_signing_latency_seconds} (safe → partial handed to the publisher), {@code
 * fedbridge_validator_limit_holds_total{token}}, {@code fedbridge_validator_limit_held_batches},
 * {@code fedbridge_validator_accountant_refusals_total{token}}, {@code
 * fedbridge_validator_signing_halted}.
 */
final class SigningMetrics {
  private final MeterRegistry registry;
  private final Timer latency;
  private final AtomicInteger held = new AtomicInteger();

  SigningMetrics(MeterRegistry registry, SigningHalt halt) {
    this.registry = registry;
    this.latency =
        Timer.builder("fedbridge.validator.signing.latency")
            .description("From a batch becoming safe to its partial handed to the publisher")
            .publishPercentileHistogram()
            .minimumExpectedValue(Duration.ofMillis(1))
            .maximumExpectedValue(Duration.ofHours(1))
            .register(registry);
    Gauge.builder("fedbridge.validator.limit.held.batches", held, AtomicInteger::get)
        .description("Batches waiting for the limits or the accountant")
        .register(registry);
    Gauge.builder("fedbridge.validator.signing.halted", halt, h -> h.halted() ? 1 : 0)
        .description("1 while signing is halted (fail closed), else 0")
        .register(registry);
    for (MessageType type :
        new MessageType[] {MessageType.DEPOSIT_BATCH, MessageType.WITHDRAWAL_BATCH}) {
      signedCounter(type);
    }
  }

  void signed(MessageType type) {
    signedCounter(type).increment();
  }

  void latency(Duration sinceSafe) {
    latency.record(sinceSafe.isNegative() ? Duration.ZERO : sinceSafe);
  }

  void limitHold(Address token) {
    Counter.builder("fedbridge.validator.limit.holds")
        .description("Batches put on hold by the limits")
        .tag("token", token.toHex())
        .register(registry)
        .increment();
  }

  void accountantRefusal(Address token) {
    Counter.builder("fedbridge.validator.accountant.refusals")
        .description("Withdrawal batches refused for taking more than is locked")
        .tag("token", token.toHex())
        .register(registry)
        .increment();
  }

  void heldBatches(int count) {
    held.set(count);
  }

  private Counter signedCounter(MessageType type) {
    return Counter.builder("fedbridge.validator.batches.signed")
        .description("Batches this member signed (new partials)")
        .tag("type", type.name().toLowerCase(Locale.ROOT))
        .register(registry);
  }
}
