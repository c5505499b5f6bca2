package org.fedbridge.admin.auth;

import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

/**
 * A token bucket per client key: {@code burst} requests at once, refilled at {@code perSecond}.
 * Time comes from a monotonic nanosecond source (injected for tests). Idle full buckets are dropped
 * once the map grows large, so a flood of addresses cannot exhaust memory.
 */
final class RateLimiter {
  private static final int MAX_KEYS = 10_000;
  private final double perNano;
  private final double burst;
  private final LongSupplier nanos;
  private final ConcurrentHashMap<String, Bucket> buckets = new ConcurrentHashMap<>();

  RateLimiter(int perSecond, int burst, LongSupplier nanos) {
    this.perNano = perSecond / 1e9;
    this.burst = burst;
    this.nanos = nanos;
  }

  /** 0 if the request may go ahead now, else nanoseconds until it could. */
  long acquire(String key) {
    long now = nanos.getAsLong();
    if (buckets.size() > MAX_KEYS) {
      buckets.values().removeIf(b -> b.full(now));
    }
    return buckets.computeIfAbsent(key, k -> new Bucket(burst, now)).take(now);
  }

  private final class Bucket {
    private double tokens;
    private long last;

    Bucket(double tokens, long now) {
      this.tokens = tokens;
      this.last = now;
    }

    synchronized long take(long now) {
      refill(now);
      if (tokens >= 1) {
        tokens -= 1;
        return 0;
      }
      return (long) Math.ceil((1 - tokens) / perNano);
    }

    synchronized boolean full(long now) {
      refill(now);
      return tokens >= burst;
    }

    private void refill(long now) {
      tokens = Math.min(burst, tokens + Math.max(0, now - last) * perNano);
      last = Math.max(last, now);
    }
  }
}
