package org.fedbridge.admin.federation;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.fedbridge.core.types.Hex;
import org.fedbridge.core.wire.CertificateRecord;
import org.fedbridge.core.wire.Heartbeat;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Heartbeats, certificates, refusals and the Kafka positions of the federation feed. */
@Repository
class FeedStore {
  private final JdbcClient jdbc;

  FeedStore(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  Map<Integer, Long> offsets(String topic) {
    return jdbc
        .sql("SELECT partition, next_offset FROM consumer_offsets WHERE topic = :t")
        .param("t", topic)
        .query((rs, n) -> Map.entry(rs.getInt(1), rs.getLong(2)))
        .list()
        .stream()
        .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
  }

  void offset(String topic, int partition, long next) {
    jdbc.sql(
            "INSERT INTO consumer_offsets (topic, partition, next_offset, updated_at)"
                + " VALUES (:t, :p, :o, now()) ON CONFLICT (topic, partition)"
                + " DO UPDATE SET next_offset = :o, updated_at = now()")
        .param("t", topic)
        .param("p", partition)
        .param("o", next)
        .update();
  }

  /** Keeps the newest heartbeat per identity key (by the sender's timestamp). */
  void heartbeat(Heartbeat h, Instant received) {
    var last = h.lastSigned();
    jdbc.sql(
            "INSERT INTO member_health VALUES (:key, :op, :epoch, :idx, :sent, :received, :l1h,"
                + " :l1s, :l1c, :sh, :sc, :lt, :lb, :le, :halted, :reason, :version)"
                + " ON CONFLICT (identity_key) DO UPDATE SET operator_id = :op, epoch = :epoch,"
                + " member_index = :idx, sent_at_ms = :sent, received_at = :received,"
                + " l1_head = :l1h, l1_safe_head = :l1s, l1_cursor = :l1c, sidechain_head = :sh,"
                + " sidechain_cursor = :sc, last_signed_type = :lt, last_signed_batch = :lb,"
                + " last_signed_epoch = :le, halted = :halted, halt_reason = :reason,"
                + " software_version = :version WHERE member_health.sent_at_ms < :sent")
        .param("key", Hex.encode(h.identityKey().compressed()))
        .param("op", h.operatorId())
        .param("epoch", h.epoch())
        .param("idx", h.memberIndex())
        .param("sent", h.timestampMillis())
        .param("received", Timestamp.from(received))
        .param("l1h", h.l1Head())
        .param("l1s", h.l1SafeHead())
        .param("l1c", h.l1Cursor())
        .param("sh", h.sidechainHead())
        .param("sc", h.sidechainCursor())
        .param("lt", last.map(l -> l.type().code()).orElse(null))
        .param("lb", last.map(l -> new BigDecimal(l.batchId().value())).orElse(null))
        .param("le", last.map(Heartbeat.LastSigned::epoch).orElse(null))
        .param("halted", h.halted())
        .param("reason", h.haltReason())
        .param("version", h.softwareVersion())
        .update();
  }

  record Health(
      String identityKey,
      String operatorId,
      long epoch,
      int memberIndex,
      long sentAtMs,
      Instant receivedAt,
      long l1Head,
      long l1SafeHead,
      long l1Cursor,
      long sidechainHead,
      long sidechainCursor,
      Integer lastSignedType,
      String lastSignedBatch,
      Long lastSignedEpoch,
      boolean halted,
      String haltReason,
      String softwareVersion) {}

  List<Health> health() {
    return jdbc.sql("SELECT * FROM member_health")
        .query(
            (rs, n) ->
                new Health(
                    rs.getString("identity_key"),
                    rs.getString("operator_id"),
                    rs.getLong("epoch"),
                    rs.getInt("member_index"),
                    rs.getLong("sent_at_ms"),
                    rs.getTimestamp("received_at").toInstant(),
                    rs.getLong("l1_head"),
                    rs.getLong("l1_safe_head"),
                    rs.getLong("l1_cursor"),
                    rs.getLong("sidechain_head"),
                    rs.getLong("sidechain_cursor"),
                    rs.getObject("last_signed_type", Integer.class),
                    rs.getString("last_signed_batch"),
                    rs.getObject("last_signed_epoch", Long.class),
                    rs.getBoolean("halted"),
                    rs.getString("halt_reason"),
                    rs.getString("software_version")))
        .list();
  }

  /** Stores a certificate once (a re-published copy changes nothing). */
  boolean certificate(CertificateRecord c, String digest, Instant received, Boolean verified) {
    return jdbc.sql(
                "INSERT INTO certificates (type, batch_id, epoch, digest, signers, combined_by,"
                    + " record, received_at, verified) VALUES (:type, :batch, :epoch, :digest,"
                    + " :signers, :by, :record, :received, :verified) ON CONFLICT DO NOTHING")
            .param("digest", digest)
            .param("type", c.body().type().code())
            .param("batch", new BigDecimal(c.body().batchId().value()))
            .param("epoch", c.epoch())
            .param(
                "signers",
                c.signers().stream().map(String::valueOf).collect(Collectors.joining(",")))
            .param("by", c.combinedBy())
            .param("record", c.encode())
            .param("received", Timestamp.from(received))
            .param("verified", verified)
            .update()
        == 1;
  }

  record StoredCertificate(
      int type,
      String batchId,
      long epoch,
      String digest,
      List<Integer> signers,
      int combinedBy,
      byte[] record,
      Instant receivedAt,
      Boolean verified) {}

  List<StoredCertificate> certificates(int limit) {
    return jdbc.sql("SELECT * FROM certificates ORDER BY received_at DESC LIMIT :limit")
        .param("limit", limit)
        .query((rs, n) -> stored(rs))
        .list();
  }

  /** The claimed signer lists of an epoch's latest verified certificates. */
  List<List<Integer>> signerLists(long epoch, int limit) {
    return jdbc.sql(
            "SELECT signers FROM certificates WHERE epoch = :e AND verified"
                + " ORDER BY received_at DESC LIMIT :limit")
        .param("e", epoch)
        .param("limit", limit)
        .query(
            (rs, n) -> {
              String s = rs.getString(1);
              return s.isEmpty()
                  ? List.<Integer>of()
                  : java.util.Arrays.stream(s.split(",")).map(Integer::valueOf).toList();
            })
        .list();
  }

  List<StoredCertificate> unverified() {
    return jdbc.sql("SELECT * FROM certificates WHERE verified IS NULL ORDER BY epoch LIMIT 500")
        .query((rs, n) -> stored(rs))
        .list();
  }

  void verified(StoredCertificate c, boolean ok) {
    jdbc.sql(
            "UPDATE certificates SET verified = :ok WHERE type = :type AND batch_id = :batch"
                + " AND epoch = :epoch AND digest = :digest")
        .param("digest", c.digest())
        .param("ok", ok)
        .param("type", c.type())
        .param("batch", new BigDecimal(c.batchId()))
        .param("epoch", c.epoch())
        .update();
  }

  /** Every distinct certified body for one batch of one epoch (more than one: equivocation). */
  List<StoredCertificate> certificates(int type, String batchId, long epoch) {
    return jdbc.sql(
            "SELECT * FROM certificates WHERE type = :type AND batch_id = :batch AND epoch = :e"
                + " ORDER BY received_at")
        .param("type", type)
        .param("batch", new BigDecimal(batchId))
        .param("e", epoch)
        .query((rs, n) -> stored(rs))
        .list();
  }

  void refused(String topic, String reason) {
    jdbc.sql(
            "INSERT INTO refused_records VALUES (:t, :r, 1) ON CONFLICT (topic, reason)"
                + " DO UPDATE SET count = refused_records.count + 1")
        .param("t", topic)
        .param("r", reason)
        .update();
  }

  Map<String, Long> refusals() {
    return jdbc
        .sql("SELECT topic || ': ' || reason, count FROM refused_records ORDER BY 1")
        .query((rs, n) -> Map.entry(rs.getString(1), rs.getLong(2)))
        .list()
        .stream()
        .collect(
            Collectors.toMap(
                Map.Entry::getKey, Map.Entry::getValue, (a, b) -> a, java.util.TreeMap::new));
  }

  private static StoredCertificate stored(java.sql.ResultSet rs) throws java.sql.SQLException {
    String signers = rs.getString("signers");
    return new StoredCertificate(
        rs.getInt("type"),
        rs.getBigDecimal("batch_id").toBigIntegerExact().toString(),
        rs.getLong("epoch"),
        rs.getString("digest"),
        signers.isEmpty()
            ? List.of()
            : java.util.Arrays.stream(signers.split(",")).map(Integer::valueOf).toList(),
        rs.getInt("combined_by"),
        rs.getBytes("record"),
        rs.getTimestamp("received_at").toInstant(),
        rs.getObject("verified", Boolean.class));
  }
}
