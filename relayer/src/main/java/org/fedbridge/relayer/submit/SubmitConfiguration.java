package org.fedbridge.relayer.submit;

import java.time.Clock;
import java.util.Optional;
import org.fedbridge.relayer.Leadership;
import org.fedbridge.relayer.RelayerProperties;
import org.fedbridge.relayer.chain.GasKey;
import org.fedbridge.relayer.chain.L1Client;
import org.fedbridge.relayer.chain.VaultClient;
import org.fedbridge.relayer.chain.VaultErrors;
import org.fedbridge.relayer.fees.FeeOracle;
import org.fedbridge.relayer.track.Transfers;
import org.fedbridge.relayer.vault.VaultMonitor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;

/**
 * The submitter runs only with a gas-paying key and {@code bridge.relayer.submit.enabled=true};
 * without them the relayer tracks transfers and answers the API, and sends nothing.
 */
@Configuration(proxyBeanMethods = false)
class SubmitConfiguration implements SchedulingConfigurer {
  private static final Logger log = LoggerFactory.getLogger(SubmitConfiguration.class);
  private final Optional<Submitter> submitter;
  private final RelayerProperties properties;
  private final Leadership leadership;

  SubmitConfiguration(
      RelayerProperties properties,
      Optional<GasKey> key,
      L1Client l1,
      VaultClient vault,
      VaultErrors errors,
      FeeOracle fees,
      VaultMonitor monitor,
      Transfers transfers,
      Outbox outbox,
      Clock clock,
      Leadership leadership) {
    this.properties = properties;
    this.leadership = leadership;
    if (key.isPresent() && properties.submit().enabled()) {
      this.submitter =
          Optional.of(
              new Submitter(
                  properties.submit(),
                  key.get(),
                  l1,
                  vault,
                  errors,
                  fees,
                  monitor,
                  transfers,
                  outbox,
                  clock));
      log.info("submitting withdrawals to L1 from {}", key.get().address());
    } else {
      this.submitter = Optional.empty();
      log.info(
          "no gas-paying key configured (bridge.relayer.keys): tracking only, sending nothing");
    }
  }

  @Bean
  SubmitStatus submitStatus() {
    return new SubmitStatus(submitter);
  }

  @Override
  public void configureTasks(ScheduledTaskRegistrar registrar) {
    submitter.ifPresent(
        s ->
            registrar.addFixedDelayTask(
                () -> {
                  if (leadership.isLeader()) {
                    s.tick();
                  } else {
                    s.standBy(); // the leader sends; on taking over, resync the nonce first
                  }
                },
                properties.submit().interval()));
  }
}
