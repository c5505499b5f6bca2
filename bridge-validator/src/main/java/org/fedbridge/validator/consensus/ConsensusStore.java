package org.fedbridge.validator.consensus;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.kafka.common.TopicPartition;
import org.fedbridge.core.message.MessageType;
import org.fedbridge.core.types.Bytes32;
import org.fedbridge.core.types.UInt256;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The consensus feature's tables (V4_1) and its rows of {@code consumer_offsets}. Callers choose
 * the transaction: a consumer writes a poll's effects and its offsets in one.
 */
final class ConsensusStore {
  private final JdbcClient jdbc;

  ConsensusStore(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  // --- Kafka offsets ---------------------------------------------------------------------------

  Map<TopicPartition, Long> offsets(List<String> topics) {
    Map<TopicPartition, Long> out = new HashMap<>();
    jdbc.sql("SELECT topic, partition, next_offset FROM consumer_offsets WHERE topic IN (:topics)")
        .param("topics", topics)
        .query(
            rs -> {
              out.put(new TopicPartition(rs.getString(1), rs.getInt(2)), rs.getLong(3));
            });
    return out;
  }

  void saveOffset(TopicPartition tp, long next) {
    jdbc.sql(
            "INSERT INTO consumer_offsets (topic, partition, next_offset, updated_at)"
                + " VALUES (:t, :p, :o, now()) ON CONFLICT (topic, partition)"
                + " DO UPDATE SET next_offset = EXCLUDED.next_offset, updated_at = now()")
        .param("t", tp.topic())
        .param("p", tp.partition())
        .param("o", next)
        .update();
  }

  // --- candidates ------------------------------------------------------------------------------

  record CandidateRow(
      BatchKey key, int member, byte[] record, Instant receivedAt, String verdict) {}

  void insertCandidate(BatchKey key, int member, Bytes32 digest, byte[] record, Instant at) {
    jdbc.sql(
            "INSERT INTO consensus_candidates (message_type, batch_id, epoch, member_index,"
                + " digest, record, received_at) VALUES (:t, :b, :e, :m, :d, :r, :at)"
                + " ON CONFLICT DO NOTHING")
        .params(keyParams(key))
        .param("m", member)
        .param("d", digest.bytes())
        .param("r", record)
        .param("at", Timestamp.from(at))
        .update();
  }

  void verdict(BatchKey key, int member, Candidate.Verdict verdict) {
    jdbc.sql(
            "UPDATE consensus_candidates SET verdict = :v WHERE message_type = :t AND batch_id = :b"
                + " AND epoch = :e AND member_index = :m")
        .params(keyParams(key))
        .param("m", member)
        .param("v", verdict.name().toLowerCase(java.util.Locale.ROOT))
        .update();
  }

  void deleteCandidate(BatchKey key, int member) {
    jdbc.sql(
            "DELETE FROM consensus_candidates WHERE message_type = :t AND batch_id = :b"
                + " AND epoch = :e AND member_index = :m")
        .params(keyParams(key))
        .param("m", member)
        .update();
  }

  void deleteCandidates(BatchKey key) {
    jdbc.sql(
            "DELETE FROM consensus_candidates WHERE message_type = :t AND batch_id = :b"
                + " AND epoch = :e")
        .params(keyParams(key))
        .update();
  }

  List<CandidateRow> candidates() {
    return jdbc.sql(
            "SELECT message_type, batch_id, epoch, member_index, record, received_at, verdict"
                + " FROM consensus_candidates ORDER BY received_at")
        .query(
            (rs, i) ->
                new CandidateRow(
                    key(rs), rs.getInt(4), rs.getBytes(5), instant(rs, 6), rs.getString(7)))
        .list();
  }

  // --- certificates ----------------------------------------------------------------------------

  private static final String CERT_COLUMNS =
      "seq, message_type, batch_id, epoch, digest, record, combined_here, certified_at";

  /** Stores a certificate unless that key already has one; true if stored. */
  boolean insertCertificate(
      BatchKey key,
      Bytes32 digest,
      byte[] record,
      boolean combinedHere,
      Instant firstPartialAt,
      Instant certifiedAt) {
    return jdbc.sql(
                "INSERT INTO consensus_certificates (message_type, batch_id, epoch, digest, record,"
                    + " combined_here, published, first_partial_at, certified_at)"
                    + " VALUES (:t, :b, :e, :d, :r, :here, :pub, :first, :at)"
                    + " ON CONFLICT DO NOTHING")
            .params(keyParams(key))
            .param("d", digest.bytes())
            .param("r", record)
            .param("here", combinedHere)
            .param("pub", !combinedHere)
            .param("first", firstPartialAt == null ? null : Timestamp.from(firstPartialAt))
            .param("at", Timestamp.from(certifiedAt))
            .update()
        == 1;
  }

  void markPublished(BatchKey key) {
    jdbc.sql(
            "UPDATE consensus_certificates SET published = true WHERE message_type = :t"
                + " AND batch_id = :b AND epoch = :e")
        .params(keyParams(key))
        .update();
  }

  /** Certificates combined here that Kafka has not acknowledged yet. */
  List<Certificate> unpublished() {
    return jdbc.sql(
            "SELECT "
                + CERT_COLUMNS
                + " FROM consensus_certificates WHERE NOT published ORDER BY seq")
        .query((rs, i) -> certificate(rs))
        .list();
  }

  boolean certified(BatchKey key) {
    return jdbc.sql(
                "SELECT count(*) FROM consensus_certificates WHERE message_type = :t"
                    + " AND batch_id = :b AND epoch = :e")
            .params(keyParams(key))
            .query(Long.class)
            .single()
        > 0;
  }

  /** Whether the batch has a certificate in any epoch (own partials need no re-publication). */
  boolean certifiedInAnyEpoch(MessageType type, UInt256 batchId) {
    return find(type, batchId).isPresent();
  }

  Optional<Certificate> find(MessageType type, UInt256 batchId) {
    return jdbc.sql(
            "SELECT "
                + CERT_COLUMNS
                + " FROM consensus_certificates WHERE message_type = :t"
                + " AND batch_id = :b ORDER BY epoch DESC LIMIT 1")
        .param("t", WireTypes.code(type))
        .param("b", new BigDecimal(batchId.value()))
        .query((rs, i) -> certificate(rs))
        .optional();
  }

  List<Certificate> list(MessageType type, Optional<UInt256> before, int limit) {
    return jdbc.sql(
            "SELECT "
                + CERT_COLUMNS
                + " FROM consensus_certificates WHERE message_type = :t"
                + " AND (CAST(:before AS NUMERIC) IS NULL OR batch_id < :before)"
                + " ORDER BY batch_id DESC, epoch DESC LIMIT :limit")
        .param("t", WireTypes.code(type))
        .param("before", before.map(b -> new BigDecimal(b.value())).orElse(null))
        .param("limit", limit)
        .query((rs, i) -> certificate(rs))
        .list();
  }

  List<Certificate> after(long seq, int limit) {
    return jdbc.sql(
            "SELECT "
                + CERT_COLUMNS
                + " FROM consensus_certificates WHERE seq > :seq"
                + " ORDER BY seq LIMIT :limit")
        .param("seq", seq)
        .param("limit", limit)
        .query((rs, i) -> certificate(rs))
        .list();
  }

  // --- own partials (outbox) -------------------------------------------------------------------

  record OwnPartial(BatchKey key, byte[] record, Instant signedAt) {}

  void insertOwn(BatchKey key, Bytes32 digest, byte[] record, Instant at) {
    jdbc.sql(
            "INSERT INTO consensus_own_partials (message_type, batch_id, epoch, digest, record,"
                + " signed_at) VALUES (:t, :b, :e, :d, :r, :at) ON CONFLICT DO NOTHING")
        .params(keyParams(key))
        .param("d", digest.bytes())
        .param("r", record)
        .param("at", Timestamp.from(at))
        .update();
  }

  void markOwnPublished(BatchKey key, Instant at) {
    jdbc.sql(
            "UPDATE consensus_own_partials SET published_at = :at WHERE message_type = :t"
                + " AND batch_id = :b AND epoch = :e")
        .params(keyParams(key))
        .param("at", Timestamp.from(at))
        .update();
  }

  /** Own partials of batches without a certificate in any epoch, oldest first. */
  List<OwnPartial> ownUncertified(int limit) {
    return jdbc.sql(
            "SELECT o.message_type, o.batch_id, o.epoch, o.record, o.signed_at"
                + " FROM consensus_own_partials o WHERE NOT EXISTS (SELECT 1 FROM"
                + " consensus_certificates c WHERE c.message_type = o.message_type"
                + " AND c.batch_id = o.batch_id) ORDER BY o.signed_at LIMIT :limit")
        .param("limit", limit)
        .query((rs, i) -> new OwnPartial(key(rs), rs.getBytes(4), instant(rs, 5)))
        .list();
  }

  /** The batch this member signed last, if any. */
  Optional<BatchKey> lastSigned() {
    return jdbc.sql(
            "SELECT message_type, batch_id, epoch FROM consensus_own_partials"
                + " ORDER BY signed_at DESC LIMIT 1")
        .query((rs, i) -> key(rs))
        .optional();
  }

  // --- helpers ---------------------------------------------------------------------------------

  private static Map<String, Object> keyParams(BatchKey key) {
    return Map.of(
        "t", WireTypes.code(key.type()),
        "b", new BigDecimal(key.batchId().value()),
        "e", key.epoch());
  }

  private static BatchKey key(ResultSet rs) throws SQLException {
    MessageType type =
        WireTypes.type(rs.getInt("message_type"))
            .orElseThrow(() -> new SQLException("unknown message type in database"));
    return new BatchKey(
        type, new UInt256(rs.getBigDecimal("batch_id").toBigIntegerExact()), rs.getLong("epoch"));
  }

  private static Certificate certificate(ResultSet rs) throws SQLException {
    return new Certificate(
        rs.getLong("seq"),
        key(rs),
        new Bytes32(rs.getBytes("digest")),
        rs.getBytes("record"),
        rs.getBoolean("combined_here"),
        instant(rs, 8));
  }

  private static Instant instant(ResultSet rs, int column) throws SQLException {
    return rs.getTimestamp(column).toInstant();
  }
}
