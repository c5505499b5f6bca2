package org.fedbridge.relayer.api;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The per-client token bucket: a burst, a refill rate, and an honest Retry-After. */
class RateLimiterTest {

  @Test
  void aBurstThenOneRequestPerRefillAndTheWaitInWholeSeconds() {
    RateLimiter limiter = new RateLimiter(0.5, 3, 100); // a token every 2 s
    for (int i = 0; i < 3; i++) {
      assertThat(limiter.acquire("a", 0)).isZero();
    }
    assertThat(limiter.acquire("a", 0)).isEqualTo(2);
    assertThat(limiter.acquire("a", 1_000)).isEqualTo(1);
    assertThat(limiter.acquire("a", 2_000)).isZero();
    assertThat(limiter.acquire("b", 2_000)).as("clients are separate").isZero();
  }

  @Test
  void theLeastRecentlySeenClientsAreForgottenBeyondTheBound() {
    RateLimiter limiter = new RateLimiter(1, 1, 2);
    assertThat(limiter.acquire("a", 0)).isZero();
    assertThat(limiter.acquire("a", 0)).isPositive();
    limiter.acquire("b", 0);
    limiter.acquire("c", 0); // "a" is forgotten: it starts again with a full bucket
    assertThat(limiter.acquire("a", 0)).isZero();
  }
}
