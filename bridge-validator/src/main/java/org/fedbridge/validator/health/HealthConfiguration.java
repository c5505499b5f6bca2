package org.fedbridge.validator.health;

import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import org.apache.kafka.clients.producer.Producer;
import org.fedbridge.validator.ValidatorApplication;
import org.fedbridge.validator.ValidatorProperties;
import org.fedbridge.validator.consensus.ConsensusStatus;
import org.fedbridge.validator.federation.Federations;
import org.fedbridge.validator.keys.IdentitySigner;
import org.fedbridge.validator.watch.WatchStatus;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class HealthConfiguration {

  @Bean
  HeartbeatPublisher heartbeatPublisher(
      @Qualifier("consensusProducer") Producer<byte[], byte[]> producer,
      ValidatorProperties properties,
      ObjectProvider<IdentitySigner> identity,
      ObjectProvider<Federations> federations,
      ObjectProvider<WatchStatus> watch,
      ConsensusStatus consensus,
      ObjectProvider<Clock> clock,
      MeterRegistry registry) {
    String version = ValidatorApplication.class.getPackage().getImplementationVersion();
    return new HeartbeatPublisher(
        producer,
        properties.topics().heartbeats(),
        properties.operatorId(),
        identity,
        federations,
        watch,
        consensus,
        clock.getIfAvailable(Clock::systemUTC),
        properties.heartbeat().interval(),
        registry,
        version == null ? "dev" : version,
        properties.heartbeat().enabled());
  }
}
