package org.fedbridge.validator.access;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One process per key share: PostgreSQL session-level advisory locks, one on this member's schema
 * and one on its operator id, taken on a connection held for the life of the process. A second
 * process started with the same database schema or the same operator id in that database finds them
 * held and refuses to start, before it migrates, reads a share or signs anything.
 *
 * <p>SECURITY: two processes with one share sign from two views of the chain; the signing
 * protection table catches conflicting digests only if both use the same database, and this lock is
 * what makes them fail before they get there (threats: equivocation). Two copies of a share in two
 * separate databases cannot be seen from here: the operations runbook forbids it.
 */
public final class SingleInstanceLock implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(SingleInstanceLock.class);

  /** Another process holds the lock: this one must not run. */
  public static final class HeldElsewhereException extends IllegalStateException {
    HeldElsewhereException(String message) {
      super(message);
    }
  }

  private final DataSource dataSource;
  private final String schema;
  private final String operatorId;
  private final List<Long> keys;
  private Connection connection;

  private SingleInstanceLock(DataSource dataSource, String schema, String operatorId) {
    this.dataSource = dataSource;
    this.schema = schema;
    this.operatorId = operatorId;
    // The dkg command may run without an operator id: then the schema alone is locked.
    this.keys =
        operatorId.isBlank()
            ? List.of(key("schema:" + schema))
            : List.of(key("schema:" + schema), key("operator:" + operatorId));
  }

  /**
   * Takes both locks or throws {@link HeldElsewhereException}.
   *
   * @param schema this member's database schema
   * @param operatorId this member's operator id (blank: the schema alone is locked)
   */
  public static SingleInstanceLock acquire(
      DataSource dataSource, String schema, String operatorId) {
    SingleInstanceLock lock = new SingleInstanceLock(dataSource, schema, operatorId);
    lock.take();
    return lock;
  }

  private synchronized void take() {
    Connection c = null;
    try {
      c = dataSource.getConnection();
      c.setAutoCommit(true);
      for (long key : keys) {
        try (PreparedStatement st = c.prepareStatement("SELECT pg_try_advisory_lock(?)")) {
          st.setLong(1, key);
          try (ResultSet rs = st.executeQuery()) {
            rs.next();
            if (!rs.getBoolean(1)) {
              throw new HeldElsewhereException(
                  "another validator process already runs with schema '"
                      + schema
                      + "' or operator id '"
                      + operatorId
                      + "' on this database (PostgreSQL advisory lock held): one key share, one"
                      + " process");
            }
          }
        }
      }
      connection = c;
      c = null;
      log.info("single-instance lock held (schema {}, operator {})", schema, operatorId);
    } catch (SQLException e) {
      throw new IllegalStateException("cannot take the single-instance lock: " + e.getMessage(), e);
    } finally {
      closeQuietly(c); // a failed attempt releases whatever it took with its session
    }
  }

  /**
   * Whether this process still holds both locks. A lost session (the database restarted) releases
   * them; then they are taken again if nobody else took them meanwhile.
   *
   * @throws HeldElsewhereException if another process holds them now
   */
  public synchronized boolean check() {
    try {
      if (connection != null && holdsAll(connection)) {
        return true;
      }
    } catch (SQLException e) {
      log.warn("single-instance lock session lost ({}); taking the lock again", e.getMessage());
    }
    closeQuietly(connection);
    connection = null;
    take();
    return true;
  }

  private boolean holdsAll(Connection c) throws SQLException {
    try (PreparedStatement st =
        c.prepareStatement(
            "SELECT count(*) FROM pg_locks WHERE locktype = 'advisory' AND granted"
                + " AND pid = pg_backend_pid()"
                + " AND objsubid = 1 AND ((classid::bigint << 32) | objid::bigint) = ANY (?)")) {
      st.setArray(1, c.createArrayOf("bigint", keys.toArray()));
      try (ResultSet rs = st.executeQuery()) {
        rs.next();
        return rs.getInt(1) == keys.size();
      }
    }
  }

  /** The lock's 64-bit key: the first eight bytes of SHA-256 over a fixed prefix and the name. */
  static long key(String name) {
    try {
      byte[] h =
          MessageDigest.getInstance("SHA-256")
              .digest(("fedbridge-validator-instance:" + name).getBytes(StandardCharsets.UTF_8));
      return ByteBuffer.wrap(h, 0, 8).getLong();
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  @Override
  public synchronized void close() {
    closeQuietly(connection); // ending the session releases its advisory locks
    connection = null;
  }

  private static void closeQuietly(Connection c) {
    if (c != null) {
      try {
        c.close();
      } catch (SQLException e) {
        log.debug("closing the lock connection: {}", e.getMessage());
      }
    }
  }
}
