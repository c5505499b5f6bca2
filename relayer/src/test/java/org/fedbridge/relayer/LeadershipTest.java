package org.fedbridge.relayer;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicReference;
import org.fedbridge.testsupport.TestPostgres;
import org.junit.jupiter.api.Test;

/**
 * Two relayer instances on one database: exactly one follows the chains and sends; when it goes
 * away (its connection closes), the other takes over; a pooled connection never carries the lock
 * back to the pool.
 */
class LeadershipTest {
  static HikariDataSource pool(String url) {
    HikariDataSource ds = new HikariDataSource();
    ds.setJdbcUrl(url);
    ds.setUsername(TestPostgres.shared().username());
    ds.setPassword(TestPostgres.shared().password());
    ds.setMaximumPoolSize(2);
    return ds;
  }

  /** A clock the test moves, so the one-second re-check does not need waiting. */
  static final class Ticking extends Clock {
    final AtomicReference<Instant> now =
        new AtomicReference<>(Instant.parse("2026-01-01T00:00:00Z"));

    void tick() {
      now.updateAndGet(i -> i.plusSeconds(2));
    }

    @Override
    public Instant instant() {
      return now.get();
    }

    @Override
    public ZoneOffset getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(java.time.ZoneId zone) {
      return this;
    }
  }

  @Test
  void exactlyOneInstanceLeadsAndAnotherTakesOverWhenItGoes() throws Exception {
    String url = TestPostgres.shared().createDatabase("relayer_leadership");
    Ticking clock = new Ticking();
    try (HikariDataSource a = pool(url);
        HikariDataSource b = pool(url)) {
      Leadership first = new Leadership(a, clock);
      Leadership second = new Leadership(b, clock);
      assertThat(first.isLeader()).isTrue();
      assertThat(second.isLeader()).isFalse();
      clock.tick();
      assertThat(first.isLeader()).as("keeps it").isTrue();
      assertThat(second.isLeader()).isFalse();

      first.destroy(); // the leader stops: its lock goes with it
      clock.tick();
      assertThat(second.isLeader()).isTrue();
      clock.tick();
      assertThat(first.isLeader()).as("the old leader does not take it back").isFalse();

      // The first instance's pool got its connection back without the lock.
      try (var c = a.getConnection();
          var s = c.prepareStatement("SELECT pg_try_advisory_lock(?)")) {
        s.setLong(1, Leadership.LOCK);
        try (var rs = s.executeQuery()) {
          rs.next();
          assertThat(rs.getBoolean(1)).as("held by the second instance").isFalse();
        }
      }
    }
  }
}
