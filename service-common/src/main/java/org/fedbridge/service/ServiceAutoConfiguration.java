package org.fedbridge.service;

import java.util.List;
import org.apache.kafka.clients.admin.Admin;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;

/**
 * What every service gets once it exposes a {@link KafkaSettings} bean: one shared Kafka admin
 * client, its topics created at start-up, and a {@code kafka} health check in readiness.
 */
@AutoConfiguration
@ConditionalOnBean(KafkaSettings.class)
public class ServiceAutoConfiguration {

  @Bean(destroyMethod = "close")
  @ConditionalOnMissingBean
  Admin kafkaAdmin(KafkaSettings settings) {
    return Admin.create(settings.clientProperties());
  }

  @Bean
  KafkaHealthIndicator kafkaHealthIndicator(Admin kafkaAdmin) {
    return new KafkaHealthIndicator(kafkaAdmin);
  }

  @Bean
  TopicsReady kafkaTopicsReady(Admin kafkaAdmin, ObjectProvider<TopicSpec> topics) {
    List<TopicSpec> specs = topics.orderedStream().toList();
    KafkaTopics.ensure(kafkaAdmin, specs);
    return new TopicsReady(specs);
  }

  /** Marker bean: the service's topics exist with the expected shape. */
  public record TopicsReady(List<TopicSpec> topics) {}
}
