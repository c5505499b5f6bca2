package org.fedbridge.service;

import java.util.Collection;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.DescribeClusterOptions;
import org.apache.kafka.clients.admin.DescribeClusterResult;
import org.apache.kafka.common.Node;
import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;

/** UP while the Kafka cluster answers a metadata request within two seconds. */
public final class KafkaHealthIndicator extends AbstractHealthIndicator {
  private final Admin admin;

  public KafkaHealthIndicator(Admin admin) {
    super("Kafka is unreachable");
    this.admin = admin;
  }

  @Override
  protected void doHealthCheck(Health.Builder builder) throws Exception {
    DescribeClusterResult cluster =
        admin.describeCluster(new DescribeClusterOptions().timeoutMs(2000));
    Collection<Node> nodes = cluster.nodes().get(2, TimeUnit.SECONDS);
    builder
        .up()
        .withDetail("clusterId", cluster.clusterId().get(2, TimeUnit.SECONDS))
        .withDetail("brokers", nodes.size());
  }
}
