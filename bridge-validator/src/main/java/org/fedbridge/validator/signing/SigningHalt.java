package org.fedbridge.validator.signing;

import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Fail closed: once something unexplained is seen (a reorg below the safe head, a hash
 * discontinuity, a withdrawal root that does not match, a conflicting digest), this validator signs
 * nothing until an operator resumes it. The halt is stored in PostgreSQL, so it survives a restart;
 * the first reason is kept.
 */
public final class SigningHalt {
  private static final Logger log = LoggerFactory.getLogger(SigningHalt.class);

  /** Why signing stopped, who stopped it ({@code l1}, {@code sidechain}, {@code signing}), when. */
  public record Halt(String source, String reason, Instant since) {}

  private final JdbcTemplate jdbc;
  private final Clock clock;
  private volatile Optional<Halt> current;

  SigningHalt(DataSource dataSource, Clock clock) {
    this.jdbc = new JdbcTemplate(dataSource);
    this.clock = clock;
    this.current = load();
  }

  /** The halt in force, or empty while signing runs. */
  public Optional<Halt> current() {
    return current;
  }

  public boolean halted() {
    return current.isPresent();
  }

  /** Halts signing (idempotent: the first reason stays), committed before it returns. */
  public synchronized void halt(String source, String reason) {
    jdbc.update(
        "INSERT INTO signing_halt (id, source, reason, halted_at) VALUES (1, ?, ?, ?)"
            + " ON CONFLICT (id) DO NOTHING",
        source,
        reason,
        OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC));
    Optional<Halt> before = current;
    current = load();
    if (before.isEmpty()) {
      log.error("SIGNING HALTED by {}: {}", source, reason);
    }
  }

  /**
   * Clears the halt (operator action). The watchers check again on their next poll and halt anew if
   * the cause is still there.
   *
   * @return the halt that was cleared, if there was one
   */
  public synchronized Optional<Halt> resume() {
    Optional<Halt> before = load();
    jdbc.update("DELETE FROM signing_halt WHERE id = 1");
    current = Optional.empty();
    before.ifPresent(
        h -> log.warn("signing resumed by an operator; it was halted: {}", h.reason()));
    return before;
  }

  private Optional<Halt> load() {
    return jdbc
        .query(
            "SELECT source, reason, halted_at FROM signing_halt WHERE id = 1",
            (rs, i) ->
                new Halt(
                    rs.getString("source"),
                    rs.getString("reason"),
                    rs.getObject("halted_at", OffsetDateTime.class).toInstant()))
        .stream()
        .findFirst();
  }
}
