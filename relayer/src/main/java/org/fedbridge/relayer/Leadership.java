package org.fedbridge.relayer;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;

/**
 * Which relayer instance does the work that must happen once: following the chains and Kafka, and
 * sending L1 transactions. The instances that share a database (replicas behind one API) elect one
 * with a PostgreSQL session advisory lock held on a connection of its own; if that instance dies,
 * its connection closes, the lock is free, and another one takes over on its next try. Every
 * instance answers the API.
 */
@Component
public class Leadership implements DisposableBean {
  /** The advisory lock key: "fedbridg" "relayer" folded into 64 bits. */
  static final long LOCK = 0x6665_6462_7265_6c79L;

  private static final Logger log = LoggerFactory.getLogger(Leadership.class);
  private static final Duration CHECK_EVERY = Duration.ofSeconds(1);

  private final DataSource dataSource;
  private final Clock clock;
  private Connection held;
  private Instant checkedAt = Instant.EPOCH;
  private boolean leader;

  Leadership(DataSource dataSource, Clock clock) {
    this.dataSource = dataSource;
    this.clock = clock;
  }

  /** Whether this instance holds the lock now (tries to take it when nobody does). */
  public synchronized boolean isLeader() {
    Instant now = clock.instant();
    if (now.isBefore(checkedAt.plus(CHECK_EVERY))) {
      return leader;
    }
    checkedAt = now;
    boolean was = leader;
    leader = holds() || acquire();
    if (leader != was) {
      log.info(
          leader
              ? "this instance follows the chains and Kafka and sends L1 transactions"
              : "another instance follows the chains and sends; this one answers the API");
    }
    return leader;
  }

  private boolean holds() {
    try {
      if (held != null && held.isValid(2)) {
        return true;
      }
    } catch (SQLException e) {
      // lost: try again below
    }
    release();
    return false;
  }

  private boolean acquire() {
    Connection c = null;
    try {
      c = dataSource.getConnection();
      try (PreparedStatement s = c.prepareStatement("SELECT pg_try_advisory_lock(?)")) {
        s.setLong(1, LOCK);
        try (ResultSet rs = s.executeQuery()) {
          if (rs.next() && rs.getBoolean(1)) {
            held = c;
            return true;
          }
        }
      }
      c.close();
      return false;
    } catch (SQLException e) {
      close(c);
      return false;
    }
  }

  private void release() {
    if (held != null) {
      // SECURITY of the election: a pooled connection goes back without the lock, or the pool
      // would hand a live lock to whichever borrower comes next.
      try (PreparedStatement s = held.prepareStatement("SELECT pg_advisory_unlock_all()")) {
        s.execute();
      } catch (SQLException ignored) {
        // a broken connection holds no lock any more
      }
    }
    close(held);
    held = null;
  }

  private static void close(Connection c) {
    if (c != null) {
      try {
        c.close();
      } catch (SQLException ignored) {
        // already gone
      }
    }
  }

  @Override
  public synchronized void destroy() {
    release();
    leader = false;
  }
}
