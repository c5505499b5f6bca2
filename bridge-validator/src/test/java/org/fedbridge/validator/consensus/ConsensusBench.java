package org.fedbridge.validator.consensus;

import io.micrometer.core.instrument.Timer;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.awaitility.Awaitility;
import org.fedbridge.core.message.MessageType;
import org.fedbridge.validator.batch.ObservedBatch;

/**
 * Scale of consensus (not part of {@code verify}): for 19 and 100 members, every member's partial
 * of each batch goes to the real Kafka broker and one validator (its own PostgreSQL database) reads
 * them, keeps one candidate per member, combines and stores the certificate. Prints, per size, the
 * time from the first partial this validator read to its certificate (p50/p99/max) and the CPU time
 * of the consensus thread per batch.
 *
 * <pre>
 * mvn -B -q -pl bridge-validator -am install -DskipTests -Dspotless.check.skip=true
 * mvn -B -q -pl bridge-validator exec:java -Dexec.classpathScope=test \
 *   -Dexec.mainClass=org.fedbridge.validator.consensus.ConsensusBench -Dbench.batches=50
 * </pre>
 */
public final class ConsensusBench {
  private ConsensusBench() {}

  public static void main(String[] args) throws Exception {
    int batches = Integer.getInteger("bench.batches", 50);
    String sizes = System.getProperty("bench.sizes", "19 100");
    for (String s : sizes.trim().split("\\s+")) {
      run(Integer.parseInt(s), batches);
    }
    System.exit(0);
  }

  private static void run(int n, int batches) throws Exception {
    SecureRandom rnd = new SecureRandom();
    TestFederation fed = new TestFederation(0, n, "op-", rnd);
    TestBatches observed = new TestBatches();
    List<ObservedBatch.Deposits> all = new ArrayList<>();
    List<List<byte[]>> records = new ArrayList<>();
    for (int b = 0; b < batches + 5; b++) {
      ObservedBatch.Deposits batch = TestBatches.deposits(1_000 + b, 16);
      observed.observe(batch);
      all.add(batch);
      List<byte[]> rs = new ArrayList<>();
      for (int i = 1; i <= n; i++) {
        rs.add(PartialWire.encode(fed.partial(i, batch), fed.signer(i)));
      }
      records.add(rs);
    }
    TestNode.Topics topics = TestNode.Topics.fresh();
    try (TestNode node =
            new TestNode(
                "bench" + n,
                TestNode.freshDatabase("bench" + n),
                topics,
                TestFederation.federations(fed, 1),
                observed,
                fed.signer(1),
                Duration.ofSeconds(1));
        KafkaProducer<byte[], byte[]> members =
            new KafkaProducer<>(
                Map.of("bootstrap.servers", TestNode.bootstrap(), "acks", "all", "linger.ms", 0),
                new ByteArraySerializer(),
                new ByteArraySerializer())) {
      node.start();
      Awaitility.await().atMost(Duration.ofMinutes(1)).until(node.loop::caughtUp);
      Thread consensus =
          Thread.getAllStackTraces().keySet().stream()
              .filter(t -> t.getName().equals("consensus"))
              .findFirst()
              .orElseThrow();
      ThreadMXBean mx = ManagementFactory.getThreadMXBean();
      long cpu0 = 0;
      long[] latencies = new long[batches];
      for (int b = 0; b < batches + 5; b++) {
        if (b == 5) { // the first five batches warm the JIT up
          cpu0 = mx.getThreadCpuTime(consensus.getId());
        }
        ObservedBatch.Deposits batch = all.get(b);
        byte[] key = batch.message().digest(fed.domain).bytes();
        for (byte[] r : records.get(b)) {
          members.send(new ProducerRecord<>(topics.partials(), key, r));
        }
        members.flush();
        Awaitility.await()
            .atMost(Duration.ofMinutes(1))
            .pollInterval(Duration.ofMillis(5))
            .until(() -> node.certificate(MessageType.DEPOSIT_BATCH, batch.batchId()).isPresent());
        Certificate c = node.certificate(MessageType.DEPOSIT_BATCH, batch.batchId()).orElseThrow();
        if (b >= 5) {
          latencies[b - 5] = firstPartialToCertificate(node, c);
        }
      }
      long cpu = mx.getThreadCpuTime(consensus.getId()) - cpu0;
      Arrays.sort(latencies);
      Timer timer = node.registry.find("fedbridge.validator.certificate.latency").timer();
      System.out.printf(
          "n=%d t=%d batches=%d: first partial -> certificate p50 %.1f ms, p99 %.1f ms, max %.1f ms;"
              + " consensus thread CPU %.2f ms per batch (%d partials each); timer count %d%n",
          n,
          fed.t,
          batches,
          latencies[batches / 2] / 1e6,
          latencies[Math.min(batches - 1, (int) Math.ceil(batches * 0.99) - 1)] / 1e6,
          latencies[batches - 1] / 1e6,
          cpu / 1e6 / batches,
          n,
          timer == null ? 0 : timer.count());
    }
  }

  /** From the first partial of the batch this validator stored to its certificate, in ns. */
  private static long firstPartialToCertificate(TestNode node, Certificate c) {
    return node.dataSource == null
        ? 0
        : org.springframework.jdbc.core.simple.JdbcClient.create(node.dataSource)
            .sql(
                "SELECT (EXTRACT(EPOCH FROM (certified_at - first_partial_at)) * 1e9)::bigint"
                    + " FROM consensus_certificates WHERE seq = :s")
            .param("s", c.seq())
            .query(Long.class)
            .single();
  }

  static long ms(long ns) {
    return TimeUnit.NANOSECONDS.toMillis(ns);
  }
}
