package org.fedbridge.validator.dkg;

import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.List;
import org.fedbridge.core.threshold.ThresholdPolicy;

/**
 * DKG wall time over the real Kafka broker (members in this JVM, each with its own PostgreSQL
 * schema, key directory and Kafka clients): from the moment every member starts until every member
 * holds its confirmed share. Not a test; run it with {@code mvn -B -q -pl bridge-validator
 * test-compile exec:exec@dkg-bench -Ddkg.bench.sizes="4 19"}.
 */
public final class DkgKafkaBench {
  private DkgKafkaBench() {}

  public static void main(String[] args) throws Exception {
    String[] sizes = args.length == 0 ? new String[] {"4", "19"} : args;
    run(4, "warm", false); // JIT, native libraries, broker and database warm-up
    for (String a : sizes) {
      int n = Integer.parseInt(a);
      for (int rep = 1; rep <= 3; rep++) {
        run(n, "r" + rep, true);
      }
    }
    System.out.printf(
        "machine: %d cores, load average %.1f, %s %s%n",
        Runtime.getRuntime().availableProcessors(),
        ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage(),
        System.getProperty("java.vm.name"),
        System.getProperty("java.version"));
    System.exit(0);
  }

  static void run(int n, String tag, boolean print) throws Exception {
    int t = ThresholdPolicy.minimumThreshold(n);
    List<DkgTestMember> ms = DkgOverKafkaTest.members("bench_" + n + "_" + tag, n);
    FederationSpec spec = DkgOverKafkaTest.spec(ms, t, 0);
    String topic = DkgOverKafkaTest.freshTopic();
    List<DkgService> services =
        ms.stream()
            .map(
                m ->
                    m.start(
                        topic,
                        DkgTestMember.settings(Duration.ofSeconds(60), Duration.ofMinutes(10))))
            .toList();
    long start = System.nanoTime();
    List<DkgOutcome> outcomes = DkgOverKafkaTest.runAll(services, spec);
    long millis = (System.nanoTime() - start) / 1_000_000;
    for (DkgOutcome o : outcomes) {
      if (!(o instanceof DkgOutcome.Confirmed c) || !c.withShare()) {
        throw new IllegalStateException("DKG did not confirm: " + o);
      }
    }
    DkgOutcome.Confirmed c = (DkgOutcome.Confirmed) outcomes.get(0);
    if (print) {
      System.out.printf(
          "DKG over Kafka n=%d t=%d: %d ms wall, %d records on the log%n",
          n, t, millis, c.transcript().size());
    }
  }
}
