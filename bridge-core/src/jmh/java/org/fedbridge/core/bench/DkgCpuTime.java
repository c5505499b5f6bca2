package org.fedbridge.core.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.security.SecureRandom;
import org.fedbridge.core.dkg.LocalDkg;
import org.fedbridge.core.threshold.ThresholdPolicy;

/**
 * Prints the CPU time of a full DKG (all members in this JVM, one thread) for each size given,
 * after one warm-up run. Run: {@code mvn -B -pl bridge-core test-compile exec:exec@dkg-cpu}.
 */
public final class DkgCpuTime {
  private DkgCpuTime() {}

  public static void main(String[] args) {
    ThreadMXBean mx = ManagementFactory.getThreadMXBean();
    SecureRandom rnd = new SecureRandom();
    LocalDkg.create(7, rnd).run(); // warm up JIT and the native library
    for (String a : args.length == 0 ? new String[] {"19", "100"} : args) {
      int n = Integer.parseInt(a);
      for (int rep = 0; rep < 2; rep++) {
        long cpu0 = mx.getCurrentThreadCpuTime();
        long wall0 = System.nanoTime();
        var r = LocalDkg.create(n, rnd).run();
        long cpu = mx.getCurrentThreadCpuTime() - cpu0;
        long wall = System.nanoTime() - wall0;
        if (!r.get(1).isOk()) {
          throw new IllegalStateException("DKG failed: " + r.get(1));
        }
        System.out.printf(
            "DKG n=%d t=%d: CPU %.2f s, wall %.2f s%n",
            n, ThresholdPolicy.minimumThreshold(n), cpu / 1e9, wall / 1e9);
      }
    }
  }
}
