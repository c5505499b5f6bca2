package org.fedbridge.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.config.TopicConfig;
import org.fedbridge.testsupport.TestKafka;
import org.junit.jupiter.api.Test;

class KafkaTopicsTest {

  private static Admin admin() {
    return Admin.create(
        Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, TestKafka.shared().bootstrapServers()));
  }

  @Test
  void createsMissingTopicsWithTheirShapeAndIsIdempotent() throws Exception {
    String log = "log-" + UUID.randomUUID();
    String compacted = "certs-" + UUID.randomUUID();
    List<TopicSpec> specs =
        List.of(new TopicSpec(log, 1, false), new TopicSpec(compacted, 2, true));
    try (Admin admin = admin()) {
      KafkaTopics.ensure(admin, specs);
      KafkaTopics.ensure(admin, specs);
      assertThat(
              admin
                  .describeTopics(List.of(compacted))
                  .allTopicNames()
                  .get()
                  .get(compacted)
                  .partitions())
          .hasSize(2);
      ConfigResource resource = new ConfigResource(ConfigResource.Type.TOPIC, compacted);
      Config config = admin.describeConfigs(List.of(resource)).all().get().get(resource);
      assertThat(config.get(TopicConfig.CLEANUP_POLICY_CONFIG).value())
          .isEqualTo(TopicConfig.CLEANUP_POLICY_COMPACT);
    }
  }

  @Test
  void existingTopicWithWrongPartitionCountIsRefused() {
    String name = "ordered-" + UUID.randomUUID();
    try (Admin admin = admin()) {
      KafkaTopics.ensure(admin, List.of(new TopicSpec(name, 3, false)));
      assertThatThrownBy(() -> KafkaTopics.ensure(admin, List.of(new TopicSpec(name, 1, false))))
          .hasMessageContaining(name)
          .hasMessageContaining("has 3 partitions, expected 1");
    }
  }

  @Test
  void invalidTopicSpecsAreRefused() {
    assertThatThrownBy(() -> new TopicSpec("bad topic", 1, false))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new TopicSpec("t", 0, false))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void kafkaSettingsNeverPrintTheirExtraProperties() {
    KafkaSettings settings =
        new KafkaSettings("127.0.0.1:9092", Map.of("sasl.jaas.config", "password=hunter2"));
    assertThat(settings.toString()).doesNotContain("hunter2");
    assertThat(settings.clientProperties())
        .containsEntry(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, "127.0.0.1:9092")
        .containsEntry("sasl.jaas.config", "password=hunter2");
  }
}
