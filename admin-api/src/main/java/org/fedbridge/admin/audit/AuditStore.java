package org.fedbridge.admin.audit;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.function.Consumer;
import javax.sql.DataSource;
import org.fedbridge.core.types.Bytes32;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The {@code audit_log} table: append (the trigger chains it) and read in order. */
@Repository
class AuditStore {
  private final JdbcClient jdbc;
  private final JdbcTemplate template;

  AuditStore(JdbcClient jdbc, DataSource dataSource) {
    this.jdbc = jdbc;
    // Streams the whole log in chunks (a read-only transaction lets the driver use a cursor).
    this.template = new JdbcTemplate(dataSource);
    this.template.setFetchSize(500);
  }

  /** Appends an entry; the database assigns its position and hashes. */
  long append(Instant at, String actor, String action, String target, String outcome, String json) {
    return jdbc.sql(
            "INSERT INTO audit_log (at, actor, action, target, outcome, details)"
                + " VALUES (:at, :actor, :action, :target, :outcome, :details) RETURNING seq")
        .param("at", Timestamp.from(at))
        .param("actor", actor)
        .param("action", action)
        .param("target", target)
        .param("outcome", outcome)
        .param("details", json)
        .query(Long.class)
        .single();
  }

  /** Newest first, before {@code beforeSeq} (exclusive), at most {@code limit}. */
  List<AuditEntry> page(long beforeSeq, int limit, String actor) {
    return jdbc.sql(
            "SELECT * FROM audit_log WHERE seq < :before"
                + " AND (CAST(:actor AS TEXT) IS NULL OR actor = :actor)"
                + " ORDER BY seq DESC LIMIT :limit")
        .param("before", beforeSeq)
        .param("actor", actor)
        .param("limit", limit)
        .query(AuditStore::row)
        .list();
  }

  /** Every entry in chain order, streamed (the log can be long). */
  void forEach(Consumer<AuditEntry> each) {
    RowCallbackHandler handler = rs -> each.accept(row(rs, 0));
    template.query("SELECT * FROM audit_log ORDER BY seq", handler);
  }

  long count() {
    return jdbc.sql("SELECT count(*) FROM audit_log").query(Long.class).single();
  }

  private static AuditEntry row(ResultSet rs, int n) throws SQLException {
    return new AuditEntry(
        rs.getLong("seq"),
        rs.getTimestamp("at").toInstant(),
        rs.getString("actor"),
        rs.getString("action"),
        rs.getString("target"),
        rs.getString("outcome"),
        rs.getString("details"),
        new Bytes32(rs.getBytes("prev_hash")),
        new Bytes32(rs.getBytes("hash")));
  }
}
