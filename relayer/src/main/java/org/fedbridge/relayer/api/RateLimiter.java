package org.fedbridge.relayer.api;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A token bucket per client: {@code burst} requests at once, refilled at {@code perSecond}. Only
 * the {@code maxClients} most recently seen clients are remembered (a forgotten client starts with
 * a full bucket, which is the most a flood of fresh addresses can gain).
 */
final class RateLimiter {
  private final double perMilli;
  private final double burst;
  private final Map<String, double[]> buckets; // [tokens, lastMillis]

  RateLimiter(double perSecond, int burst, int maxClients) {
    this.perMilli = perSecond / 1000.0;
    this.burst = burst;
    this.buckets =
        new LinkedHashMap<>(1024, 0.75f, true) {
          @Override
          protected boolean removeEldestEntry(Map.Entry<String, double[]> eldest) {
            return size() > maxClients;
          }
        };
  }

  /**
   * Takes one token for {@code client} at {@code nowMillis}.
   *
   * @return 0 if the request may go ahead, else the whole seconds until a token is there
   */
  synchronized long acquire(String client, long nowMillis) {
    double[] b = buckets.computeIfAbsent(client, c -> new double[] {burst, nowMillis});
    double elapsed = Math.max(0, nowMillis - b[1]);
    b[0] = Math.min(burst, b[0] + elapsed * perMilli);
    b[1] = nowMillis;
    if (b[0] >= 1) {
      b[0] -= 1;
      return 0;
    }
    double waitMillis = (1 - b[0]) / perMilli;
    return Math.max(1, (long) Math.ceil(waitMillis / 1000.0));
  }
}
