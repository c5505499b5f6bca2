package org.fedbridge.relayer;

import java.time.Clock;
import org.fedbridge.relayer.chain.L1Client;
import org.fedbridge.relayer.fees.FeeOracle;
import org.fedbridge.service.KafkaSettings;
import org.fedbridge.service.TopicSpec;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;

@Configuration(proxyBeanMethods = false)
@EnableScheduling
class RelayerConfiguration {

  @Bean
  KafkaSettings kafkaSettings(RelayerProperties properties) {
    return properties.kafka();
  }

  @Bean
  TopicSpec certificatesTopic(RelayerProperties properties) {
    return new TopicSpec(properties.topics().certificates(), 1, true);
  }

  @Bean
  TopicSpec partialsTopic(RelayerProperties properties) {
    // The validators' partition count (bridge-validator declares the same; a topic with another
    // count is refused at start-up, and the k8s check compares both with the Strimzi topics).
    return new TopicSpec(properties.topics().partials(), 3, false);
  }

  @Bean
  Clock clock() {
    return Clock.systemUTC();
  }

  @Bean
  FeeOracle feeOracle(L1Client l1, RelayerProperties properties) {
    return new FeeOracle(l1, properties.fees());
  }
}
