package org.fedbridge.sidechain.bench;

import java.util.List;
import java.util.Locale;

/** p50, p90, p99 and max of a sample, in milliseconds. */
record Percentiles(int n, double p50, double p90, double p99, double max) {
  static Percentiles ofNanos(List<Long> nanos) {
    long[] s = nanos.stream().mapToLong(Long::longValue).sorted().toArray();
    if (s.length == 0) {
      return new Percentiles(0, Double.NaN, Double.NaN, Double.NaN, Double.NaN);
    }
    return new Percentiles(s.length, at(s, 0.50), at(s, 0.90), at(s, 0.99), s[s.length - 1] / 1e6);
  }

  /** Nearest rank. */
  private static double at(long[] sorted, double q) {
    int rank = (int) Math.ceil(q * sorted.length);
    return sorted[Math.max(0, Math.min(sorted.length - 1, rank - 1))] / 1e6;
  }

  @Override
  public String toString() {
    return String.format(
        Locale.ROOT, "n=%d p50=%.1f ms p90=%.1f ms p99=%.1f ms max=%.1f ms", n, p50, p90, p99, max);
  }
}
