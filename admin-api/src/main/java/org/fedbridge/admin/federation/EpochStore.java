package org.fedbridge.admin.federation;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.fedbridge.core.dkg.IdentityPublicKey;
import org.fedbridge.core.types.Hex;
import org.fedbridge.core.wire.GovernanceAction.RotationMember;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;

/** The {@code epochs} table. */
@Repository
class EpochStore {
  private static final JsonMapper JSON = JsonMapper.builder().build();
  private final JdbcClient jdbc;

  EpochStore(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  List<EpochView> all() {
    return jdbc.sql("SELECT * FROM epochs ORDER BY epoch DESC").query(EpochStore::row).list();
  }

  Optional<EpochView> inState(String state) {
    return jdbc.sql("SELECT * FROM epochs WHERE state = :s ORDER BY epoch DESC LIMIT 1")
        .param("s", state)
        .query(EpochStore::row)
        .optional();
  }

  Optional<EpochView> epoch(long epoch) {
    return jdbc.sql("SELECT * FROM epochs WHERE epoch = :e")
        .param("e", epoch)
        .query(EpochStore::row)
        .optional();
  }

  /**
   * Plans {@code epoch} again over its abandoned row (the table keeps one row per epoch; the audit
   * log keeps the abandoned plan). Returns false if the epoch has a row that is not abandoned.
   */
  boolean replan(
      long epoch,
      int threshold,
      List<RotationMember> members,
      long attempt,
      String source,
      Long proposalId,
      Instant at) {
    return jdbc.sql(
                "UPDATE epochs SET threshold = :t, members = :m, attempt = :a, source = :s,"
                    + " proposal_id = :p, group_key = NULL, state = 'PLANNED', planned_at = :at,"
                    + " activated_at = NULL WHERE epoch = :e AND state = 'ABANDONED'")
            .param("e", epoch)
            .param("t", threshold)
            .param("m", membersJson(members))
            .param("a", attempt)
            .param("s", source)
            .param("p", proposalId)
            .param("at", Timestamp.from(at))
            .update()
        == 1;
  }

  void insert(
      long epoch,
      int threshold,
      List<RotationMember> members,
      long attempt,
      String source,
      Long proposalId,
      String state,
      Instant at) {
    jdbc.sql(
            "INSERT INTO epochs (epoch, threshold, members, attempt, source, proposal_id, state,"
                + " planned_at, activated_at) VALUES (:e, :t, :m, :a, :s, :p, :state, :at,"
                + " CASE WHEN :state = 'ACTIVE' THEN CAST(:at AS TIMESTAMPTZ) END)")
        .param("e", epoch)
        .param("t", threshold)
        .param("m", membersJson(members))
        .param("a", attempt)
        .param("s", source)
        .param("p", proposalId)
        .param("state", state)
        .param("at", Timestamp.from(at))
        .update();
  }

  void setState(long epoch, String state, Instant at) {
    jdbc.sql(
            "UPDATE epochs SET state = :s,"
                + " activated_at = CASE WHEN :s = 'ACTIVE' THEN CAST(:at AS TIMESTAMPTZ)"
                + " ELSE activated_at END WHERE epoch = :e")
        .param("s", state)
        .param("at", Timestamp.from(at))
        .param("e", epoch)
        .update();
  }

  void setAttempt(long epoch, long attempt) {
    jdbc.sql("UPDATE epochs SET attempt = :a WHERE epoch = :e")
        .param("a", attempt)
        .param("e", epoch)
        .update();
  }

  void setGroupKey(long epoch, String groupKey) {
    jdbc.sql("UPDATE epochs SET group_key = :g WHERE epoch = :e AND group_key IS NULL")
        .param("g", groupKey)
        .param("e", epoch)
        .update();
  }

  static String membersJson(List<RotationMember> members) {
    ArrayNode a = JSON.createArrayNode();
    for (RotationMember m : members) {
      a.addObject()
          .put("index", m.index())
          .put("operatorId", m.operatorId())
          .put("identityPublicKey", Hex.encode(m.identityKey().compressed()));
    }
    return a.toString();
  }

  static List<RotationMember> members(String json) {
    List<RotationMember> out = new ArrayList<>();
    for (JsonNode m : JSON.readTree(json)) {
      out.add(
          new RotationMember(
              m.get("index").asInt(),
              m.get("operatorId").asText(),
              new IdentityPublicKey(Hex.decode(m.get("identityPublicKey").asText()))));
    }
    return out;
  }

  private static EpochView row(ResultSet rs, int n) throws SQLException {
    Timestamp activated = rs.getTimestamp("activated_at");
    return new EpochView(
        rs.getLong("epoch"),
        rs.getInt("threshold"),
        members(rs.getString("members")),
        rs.getLong("attempt"),
        rs.getString("source"),
        rs.getLong("proposal_id"),
        rs.getString("group_key"),
        rs.getString("state"),
        rs.getTimestamp("planned_at").toInstant(),
        activated == null ? null : activated.toInstant());
  }
}
