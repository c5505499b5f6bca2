package org.fedbridge.validator.submit;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The submit feature's tables (V4_2). */
final class SubmitStore {
  record Due(long seq, int attempts) {}

  private final JdbcClient jdbc;

  SubmitStore(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  long cursor() {
    return jdbc.sql("SELECT last_seq FROM submit_cursor WHERE id = 1").query(Long.class).single();
  }

  void cursor(long seq) {
    jdbc.sql("UPDATE submit_cursor SET last_seq = :s WHERE id = 1").param("s", seq).update();
  }

  void enqueue(long seq, BigDecimal batchId, long epoch, Instant notBefore) {
    jdbc.sql(
            "INSERT INTO submit_deposit_certificates (certificate_seq, batch_id, epoch, status,"
                + " next_attempt_at) VALUES (:s, :b, :e, 'pending', :at) ON CONFLICT DO NOTHING")
        .param("s", seq)
        .param("b", batchId)
        .param("e", epoch)
        .param("at", Timestamp.from(notBefore))
        .update();
  }

  List<Due> due(Instant now, int limit) {
    return jdbc.sql(
            "SELECT certificate_seq, attempts FROM submit_deposit_certificates"
                + " WHERE status = 'pending' AND next_attempt_at <= :now"
                + " ORDER BY next_attempt_at LIMIT :limit")
        .param("now", Timestamp.from(now))
        .param("limit", limit)
        .query((rs, i) -> new Due(rs.getLong(1), rs.getInt(2)))
        .list();
  }

  /** When the next pending submission is due, if any. */
  Instant nextDue() {
    Timestamp t =
        jdbc.sql(
                "SELECT min(next_attempt_at) FROM submit_deposit_certificates"
                    + " WHERE status = 'pending'")
            .query(Timestamp.class)
            .optional()
            .orElse(null);
    return t == null ? null : t.toInstant();
  }

  void accepted(long seq, String hash, boolean duplicate, Instant at) {
    jdbc.sql(
            "UPDATE submit_deposit_certificates SET status = 'accepted', attempts = attempts + 1,"
                + " tx_hash = :h, duplicate = :d, answered_at = :at, last_error = NULL"
                + " WHERE certificate_seq = :s")
        .param("h", hash)
        .param("d", duplicate)
        .param("at", Timestamp.from(at))
        .param("s", seq)
        .update();
  }

  void refused(long seq, String reason, Instant at) {
    jdbc.sql(
            "UPDATE submit_deposit_certificates SET status = 'refused', attempts = attempts + 1,"
                + " last_error = :r, answered_at = :at WHERE certificate_seq = :s")
        .param("r", reason)
        .param("at", Timestamp.from(at))
        .param("s", seq)
        .update();
  }

  void retry(long seq, String reason, Instant next) {
    jdbc.sql(
            "UPDATE submit_deposit_certificates SET attempts = attempts + 1, last_error = :r,"
                + " next_attempt_at = :n WHERE certificate_seq = :s")
        .param("r", reason)
        .param("n", Timestamp.from(next))
        .param("s", seq)
        .update();
  }

  /** Submissions by status (for the status API). */
  long count(String status) {
    return jdbc.sql("SELECT count(*) FROM submit_deposit_certificates WHERE status = :s")
        .param("s", status)
        .query(Long.class)
        .single();
  }
}
