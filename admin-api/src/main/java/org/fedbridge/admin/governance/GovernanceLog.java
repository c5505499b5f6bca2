package org.fedbridge.admin.governance;

import java.math.BigInteger;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The {@code governance_log} table: every record signed, in sequence order, and whether sent. */
@Repository
class GovernanceLog {
  private final JdbcClient jdbc;

  GovernanceLog(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  record Entry(long sequence, long proposalId, String action, byte[] record, Instant sentAt) {}

  long nextSequence() {
    return jdbc.sql("SELECT coalesce(max(sequence), 0) + 1 FROM governance_log")
        .query(Long.class)
        .single();
  }

  /** The highest vault governance nonce already given to a record, if any. */
  Optional<BigInteger> maxNonce() {
    return jdbc.sql("SELECT max(governance_nonce) FROM governance_log")
        .query(BigInteger.class)
        .optional();
  }

  void insert(
      long sequence, long proposalId, String action, BigInteger nonce, byte[] record, Instant at) {
    jdbc.sql(
            "INSERT INTO governance_log (sequence, proposal_id, action, governance_nonce, record,"
                + " created_at) VALUES (:seq, :p, :action, :nonce, :record, :at)")
        .param("seq", sequence)
        .param("p", proposalId)
        .param("action", action)
        .param("nonce", nonce == null ? null : new java.math.BigDecimal(nonce))
        .param("record", record)
        .param("at", Timestamp.from(at))
        .update();
  }

  List<Entry> unsent() {
    return jdbc.sql(
            "SELECT sequence, proposal_id, action, record, sent_at FROM governance_log"
                + " WHERE sent_at IS NULL ORDER BY sequence")
        .query(
            (rs, n) ->
                new Entry(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getBytes(4), null))
        .list();
  }

  void sent(long sequence, Instant at) {
    jdbc.sql("UPDATE governance_log SET sent_at = :at WHERE sequence = :seq")
        .param("at", Timestamp.from(at))
        .param("seq", sequence)
        .update();
  }

  List<Entry> recent(int limit) {
    return jdbc.sql(
            "SELECT sequence, proposal_id, action, record, sent_at FROM governance_log"
                + " ORDER BY sequence DESC LIMIT :limit")
        .param("limit", limit)
        .query(
            (rs, n) -> {
              Timestamp sent = rs.getTimestamp(5);
              return new Entry(
                  rs.getLong(1),
                  rs.getLong(2),
                  rs.getString(3),
                  rs.getBytes(4),
                  sent == null ? null : sent.toInstant());
            })
        .list();
  }

  /** The records of {@code action} that Kafka acknowledged, in sequence order. */
  List<byte[]> sent(String action) {
    return jdbc.sql(
            "SELECT record FROM governance_log WHERE action = :action AND sent_at IS NOT NULL"
                + " ORDER BY sequence")
        .param("action", action)
        .query((rs, n) -> rs.getBytes(1))
        .list();
  }

  /** Every record of {@code action} given out, sent or not, in sequence order. */
  List<byte[]> all(String action) {
    return jdbc.sql("SELECT record FROM governance_log WHERE action = :action ORDER BY sequence")
        .param("action", action)
        .query((rs, n) -> rs.getBytes(1))
        .list();
  }
}
