package org.fedbridge.core.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Arrays;
import java.util.function.Supplier;
import org.fedbridge.core.bls.Bls;
import org.fedbridge.core.threshold.Lagrange;
import org.fedbridge.core.threshold.ThresholdVerifier;

/**
 * The hot-path operations timed by this thread's CPU time (median and mean per operation), which
 * stays meaningful on a shared, loaded machine where JMH's wall-clock scores do not. Run: {@code
 * mvn -B -pl bridge-core test-compile exec:exec@hot-cpu}.
 */
public final class HotPathCpuTime {
  private HotPathCpuTime() {}

  public static void main(String[] args) {
    int iterations = args.length > 0 ? Integer.parseInt(args[0]) : 300;
    BlsBench bls = new BlsBench();
    bls.setup();
    measure("partial sign", iterations * 5, bls::partialSign);
    measure("verify", iterations * 2, bls::verify);
    measure("decode EIP-2537 signature", iterations * 5, bls::decodeEip2537Signature);
    for (String tn : new String[] {"67/100", "13/19"}) {
      ThresholdBench th = new ThresholdBench();
      th.tOfN = tn;
      th.setup();
      measure("combine+verify " + tn, iterations, th::combineAndVerify);
      measure(
          "combine, 1 bad partial " + tn,
          Math.max(30, iterations / 3),
          th::combineWithOneBadPartial);
      measure("batch verify t, all valid " + tn, iterations / 2, th::batchVerifyAllValid);
      measure("batch verify t, 1 bad " + tn, iterations / 2, th::batchVerifyOneBad);
      measure("interpolate " + tn, iterations, th::interpolate);
      measure("Lagrange uncached " + tn, iterations, th::lagrangeUncached);
      measure(
          "interpolate+verify, no cache " + tn,
          iterations,
          () ->
              Bls.verify(
                  th.verifier.groupKey(),
                  th.digest,
                  ThresholdVerifier.interpolate(th.partials, Lagrange.compute(th.indexes))
                      .orThrow()));
    }
  }

  static void measure(String name, int n, Supplier<?> op) {
    ThreadMXBean mx = ManagementFactory.getThreadMXBean();
    for (int i = 0; i < Math.max(20, n / 3); i++) {
      op.get(); // warm-up
    }
    long[] ns = new long[n];
    Object sink = null;
    for (int i = 0; i < n; i++) {
      long t0 = mx.getCurrentThreadCpuTime();
      sink = op.get();
      ns[i] = mx.getCurrentThreadCpuTime() - t0;
    }
    Arrays.sort(ns);
    double mean = Arrays.stream(ns).average().orElse(0);
    System.out.printf(
        "%-32s median %9.3f ms  mean %9.3f ms  p90 %9.3f ms  (n=%d%s)%n",
        name, ns[n / 2] / 1e6, mean / 1e6, ns[(int) (n * 0.9)] / 1e6, n, sink == null ? "!" : "");
  }
}
