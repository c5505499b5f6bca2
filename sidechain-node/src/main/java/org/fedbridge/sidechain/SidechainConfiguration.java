package org.fedbridge.sidechain;

import org.fedbridge.service.KafkaSettings;
import org.fedbridge.service.TopicSpec;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class SidechainConfiguration {

  @Bean
  KafkaSettings kafkaSettings(SidechainProperties properties) {
    return properties.kafka();
  }

  /** One partition: every replica must see the transactions in the same order. */
  @Bean
  TopicSpec transactionLog(SidechainProperties properties) {
    return new TopicSpec(properties.topics().txs(), 1, false);
  }
}
