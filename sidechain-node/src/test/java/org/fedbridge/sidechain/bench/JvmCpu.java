package org.fedbridge.sidechain.bench;

import java.lang.management.ManagementFactory;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * CPU counters of this JVM for the benches: on a machine shared with other builds, CPU per
 * transaction is steadier than wall-clock rates.
 */
final class JvmCpu {
  private JvmCpu() {}

  /** CPU time so far of the live threads, by name with digits and ids removed. */
  static Map<String, Long> byThreadGroup() {
    var threads = ManagementFactory.getThreadMXBean();
    Map<String, Long> out = new TreeMap<>();
    for (Thread t : Thread.getAllStackTraces().keySet()) {
      long cpu = threads.getThreadCpuTime(t.getId());
      if (cpu > 0) {
        String group =
            t.getName()
                .replaceAll("[0-9a-f]{8}-[0-9a-f-]{27}", "")
                .replaceAll("[0-9]+", "")
                .replaceAll("[^A-Za-z.-]", "");
        out.merge(group, cpu, Long::sum);
      }
    }
    return out;
  }

  /**
   * " group=µs" for every thread group that used CPU between the two snapshots, in µs per
   * transaction.
   */
  static String perTransactionByGroup(Map<String, Long> before, Map<String, Long> after, int txs) {
    StringBuilder groups = new StringBuilder();
    for (var e : after.entrySet()) {
      long delta = e.getValue() - before.getOrDefault(e.getKey(), 0L);
      if (delta > 0) {
        groups.append(
            String.format(Locale.ROOT, " %s=%.0f", e.getKey(), delta / 1e3 / Math.max(1, txs)));
      }
    }
    return groups.toString();
  }

  /** CPU time so far of the live thread named {@code name}, or -1 if there is none. */
  static long threadNanos(String name) {
    var threads = ManagementFactory.getThreadMXBean();
    for (Thread t : Thread.getAllStackTraces().keySet()) {
      if (t.getName().equals(name)) {
        return threads.getThreadCpuTime(t.getId());
      }
    }
    return -1;
  }

  /** CPU time of this whole JVM (PostgreSQL runs in its own processes and is not counted). */
  static long processNanos() {
    return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
        .getProcessCpuTime();
  }
}
