package org.fedbridge.admin;

import java.time.Clock;
import org.fedbridge.service.KafkaSettings;
import org.fedbridge.service.TopicSpec;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;

@Configuration(proxyBeanMethods = false)
@EnableScheduling
class AdminConfiguration {

  @Bean
  KafkaSettings kafkaSettings(AdminProperties properties) {
    return properties.kafka();
  }

  @Bean
  TopicSpec governanceTopic(AdminProperties properties) {
    return new TopicSpec(properties.topics().governance(), 1, false);
  }

  @Bean
  TopicSpec heartbeatsTopic(AdminProperties properties) {
    return new TopicSpec(properties.topics().heartbeats(), 1, false);
  }

  @Bean
  TopicSpec certificatesTopic(AdminProperties properties) {
    return new TopicSpec(properties.topics().certificates(), 1, true);
  }

  @Bean
  Clock clock() {
    return Clock.systemUTC();
  }
}
