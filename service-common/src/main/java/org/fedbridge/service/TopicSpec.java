package org.fedbridge.service;

/**
 * A Kafka topic a service needs.
 *
 * @param name topic name
 * @param partitions partition count (the sidechain log needs exactly one)
 * @param compacted whether the topic keeps only the latest record per key
 */
public record TopicSpec(String name, int partitions, boolean compacted) {
  public TopicSpec {
    if (name == null || !name.matches("[a-zA-Z0-9._-]{1,249}")) {
      throw new IllegalArgumentException("invalid Kafka topic name: " + name);
    }
    if (partitions < 1) {
      throw new IllegalArgumentException("topic " + name + " needs at least one partition");
    }
  }
}
