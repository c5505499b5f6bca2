package org.fedbridge.service;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.locks.LockSupport;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.errors.UnknownTopicOrPartitionException;

/** Creates the topics a service needs, and checks that existing ones have the right shape. */
public final class KafkaTopics {
  private KafkaTopics() {}

  /**
   * Creates missing topics; an existing topic with a different partition count is an error, since
   * for example the sidechain's ordering depends on its log having exactly one partition.
   */
  public static void ensure(Admin admin, List<TopicSpec> topics) {
    try {
      Set<String> existing = admin.listTopics().names().get(30, TimeUnit.SECONDS);
      for (TopicSpec spec : topics) {
        if (!existing.contains(spec.name())) {
          create(admin, spec);
        }
      }
      Map<String, TopicDescription> described = describe(admin, topics);
      for (TopicSpec spec : topics) {
        int actual = described.get(spec.name()).partitions().size();
        if (actual != spec.partitions()) {
          throw new IllegalStateException(
              "Kafka topic "
                  + spec.name()
                  + " has "
                  + actual
                  + " partitions, expected "
                  + spec.partitions());
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while creating Kafka topics", e);
    } catch (ExecutionException | TimeoutException e) {
      throw new IllegalStateException("cannot create Kafka topics: " + e.getMessage(), e);
    }
  }

  /** Describes the topics, waiting while a just-created topic's metadata spreads. */
  private static Map<String, TopicDescription> describe(Admin admin, List<TopicSpec> topics)
      throws InterruptedException, TimeoutException, ExecutionException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
    while (true) {
      try {
        return admin
            .describeTopics(topics.stream().map(TopicSpec::name).toList())
            .allTopicNames()
            .get(30, TimeUnit.SECONDS);
      } catch (ExecutionException e) {
        if (!(e.getCause() instanceof UnknownTopicOrPartitionException)
            || System.nanoTime() > deadline) {
          throw e;
        }
        LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(100));
      }
    }
  }

  private static void create(Admin admin, TopicSpec spec)
      throws InterruptedException, TimeoutException, ExecutionException {
    NewTopic topic = new NewTopic(spec.name(), spec.partitions(), (short) -1);
    if (spec.compacted()) {
      topic.configs(Map.of(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT));
    }
    try {
      admin.createTopics(List.of(topic)).all().get(30, TimeUnit.SECONDS);
    } catch (ExecutionException e) {
      if (!(e.getCause() instanceof TopicExistsException)) {
        throw e; // another replica creating it at the same moment is fine
      }
    }
  }
}
