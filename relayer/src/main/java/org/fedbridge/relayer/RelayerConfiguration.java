package org.fedbridge.relayer;

import org.fedbridge.service.KafkaSettings;
import org.fedbridge.service.TopicSpec;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class RelayerConfiguration {

  @Bean
  KafkaSettings kafkaSettings(RelayerProperties properties) {
    return properties.kafka();
  }

  @Bean
  TopicSpec certificatesTopic(RelayerProperties properties) {
    return new TopicSpec(properties.topics().certificates(), 1, true);
  }
}
