package org.fedbridge.validator;

import java.time.Clock;
import org.fedbridge.service.KafkaSettings;
import org.fedbridge.service.TopicSpec;
import org.fedbridge.validator.dkg.DkgWiring;
import org.fedbridge.validator.keys.KeysSettings;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class ValidatorConfiguration {

  /** The one clock of the service (injected everywhere, replaced in tests). */
  @Bean
  Clock clock() {
    return Clock.systemUTC();
  }

  @Bean
  KafkaSettings kafkaSettings(ValidatorProperties properties) {
    return properties.kafka();
  }

  @Bean
  KeysSettings keysSettings(ValidatorProperties properties) {
    return properties.keys();
  }

  @Bean
  DkgWiring dkgWiring(ValidatorProperties properties) {
    return new DkgWiring(
        properties.kafka(),
        properties.topics().dkg(),
        properties.dkg(),
        "validator-" + properties.operatorId());
  }

  @Bean
  TopicSpec partialsTopic(ValidatorProperties properties) {
    return new TopicSpec(properties.topics().partials(), 3, false);
  }

  /** Compacted: the latest certificate per batch id is all anyone needs. */
  @Bean
  TopicSpec certificatesTopic(ValidatorProperties properties) {
    return new TopicSpec(properties.topics().certificates(), 1, true);
  }

  @Bean
  TopicSpec dkgTopic(ValidatorProperties properties) {
    return new TopicSpec(properties.topics().dkg(), 1, false);
  }

  @Bean
  TopicSpec heartbeatsTopic(ValidatorProperties properties) {
    return new TopicSpec(properties.topics().heartbeats(), 1, false);
  }
}
