package org.fedbridge.admin.auth;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class RateLimiterTest {
  private final AtomicLong now = new AtomicLong(1_000_000_000L);
  private final RateLimiter limiter = new RateLimiter(10, 3, now::get);

  @Test
  void aBurstPassesThenTheRateHolds() {
    assertThat(limiter.acquire("a")).isZero();
    assertThat(limiter.acquire("a")).isZero();
    assertThat(limiter.acquire("a")).isZero();
    long wait = limiter.acquire("a");
    assertThat(wait).isEqualTo(100_000_000L); // one token every 100 ms
    now.addAndGet(wait);
    assertThat(limiter.acquire("a")).isZero();
    assertThat(limiter.acquire("a")).isPositive();
  }

  @Test
  void clientsHaveTheirOwnBuckets() {
    for (int i = 0; i < 3; i++) {
      limiter.acquire("greedy");
    }
    assertThat(limiter.acquire("greedy")).isPositive();
    assertThat(limiter.acquire("patient")).isZero();
  }

  @Test
  void aBucketNeverHoldsMoreThanTheBurst() {
    now.addAndGet(3_600_000_000_000L);
    for (int i = 0; i < 3; i++) {
      assertThat(limiter.acquire("idle")).isZero();
    }
    assertThat(limiter.acquire("idle")).isPositive();
  }
}
