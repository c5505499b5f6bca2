package org.fedbridge.admin.proposals;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The {@code proposals} and {@code approvals} tables. */
@Repository
class ProposalStore {
  private final JdbcClient jdbc;

  ProposalStore(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  long insert(
      ProposalKind kind,
      ProposalPolicy.Plan plan,
      String proposer,
      int required,
      Instant now,
      Instant expires) {
    return jdbc.sql(
            "INSERT INTO proposals (kind, summary, effect, base_epoch, state, proposer,"
                + " required_approvals, created_at, expires_at) VALUES (:kind, :summary, :effect,"
                + " :base, 'PENDING', :proposer, :required, :now, :expires) RETURNING id")
        .param("kind", kind.name())
        .param("summary", plan.summary())
        .param("effect", plan.effect())
        .param("base", plan.baseEpoch())
        .param("proposer", proposer)
        .param("required", required)
        .param("now", Timestamp.from(now))
        .param("expires", Timestamp.from(expires))
        .query(Long.class)
        .single();
  }

  /** Locks the proposal's row for the rest of the transaction. */
  Optional<ProposalView> lock(long id) {
    return jdbc.sql("SELECT * FROM proposals WHERE id = :id FOR UPDATE")
        .param("id", id)
        .query((rs, n) -> row(rs))
        .optional();
  }

  Optional<ProposalView> get(long id) {
    return jdbc.sql("SELECT * FROM proposals WHERE id = :id")
        .param("id", id)
        .query((rs, n) -> row(rs))
        .optional();
  }

  List<ProposalView> list(String state, int limit) {
    return jdbc.sql(
            "SELECT * FROM proposals WHERE (CAST(:state AS TEXT) IS NULL OR state = :state)"
                + " ORDER BY id DESC LIMIT :limit")
        .param("state", state)
        .param("limit", limit)
        .query((rs, n) -> row(rs))
        .list();
  }

  /** A member change that is still pending or approved (at most one exists). */
  Optional<Long> liveMemberChange() {
    return jdbc.sql(
            "SELECT id FROM proposals WHERE state IN ('PENDING', 'APPROVED')"
                + " AND kind IN ('ADD_MEMBER', 'REMOVE_MEMBER', 'CHANGE_THRESHOLD',"
                + " 'ROTATE_IDENTITY') ORDER BY id LIMIT 1")
        .query(Long.class)
        .optional();
  }

  /** Approved proposals whose timelock has ended, oldest first. */
  List<Long> due(Instant now) {
    return jdbc.sql(
            "SELECT id FROM proposals WHERE state = 'APPROVED' AND ready_at <= :now ORDER BY id")
        .param("now", Timestamp.from(now))
        .query(Long.class)
        .list();
  }

  List<Long> expired(Instant now) {
    return jdbc.sql(
            "SELECT id FROM proposals WHERE state = 'PENDING' AND expires_at <= :now ORDER BY id")
        .param("now", Timestamp.from(now))
        .query(Long.class)
        .list();
  }

  boolean approve(long id, String principal, Instant now) {
    return jdbc.sql(
                "INSERT INTO approvals (proposal_id, principal, approved_at) VALUES (:id, :p, :now)"
                    + " ON CONFLICT DO NOTHING")
            .param("id", id)
            .param("p", principal)
            .param("now", Timestamp.from(now))
            .update()
        == 1;
  }

  void approved(long id, Instant now, Instant ready) {
    jdbc.sql(
            "UPDATE proposals SET state = 'APPROVED', approved_at = :now, ready_at = :ready"
                + " WHERE id = :id")
        .param("now", Timestamp.from(now))
        .param("ready", Timestamp.from(ready))
        .param("id", id)
        .update();
  }

  void close(long id, String state, Instant now, String by, String reason) {
    jdbc.sql(
            "UPDATE proposals SET state = :state, closed_at = :now, closed_by = :by,"
                + " close_reason = :reason WHERE id = :id")
        .param("state", state)
        .param("now", Timestamp.from(now))
        .param("by", by)
        .param("reason", reason)
        .param("id", id)
        .update();
  }

  void published(long id, long sequence, Instant now) {
    jdbc.sql(
            "UPDATE proposals SET state = 'PUBLISHED', governance_sequence = :seq,"
                + " closed_at = :now WHERE id = :id")
        .param("seq", sequence)
        .param("now", Timestamp.from(now))
        .param("id", id)
        .update();
  }

  private List<String> approvals(long id) {
    return jdbc.sql(
            "SELECT principal FROM approvals WHERE proposal_id = :id"
                + " ORDER BY approved_at, principal")
        .param("id", id)
        .query(String.class)
        .list();
  }

  private ProposalView row(ResultSet rs) throws SQLException {
    long id = rs.getLong("id");
    Long base = rs.getObject("base_epoch", Long.class);
    return new ProposalView(
        id,
        ProposalKind.valueOf(rs.getString("kind")),
        rs.getString("summary"),
        rs.getString("effect"),
        base,
        rs.getString("state"),
        rs.getString("proposer"),
        rs.getInt("required_approvals"),
        approvals(id),
        instant(rs, "created_at"),
        instant(rs, "expires_at"),
        instant(rs, "approved_at"),
        instant(rs, "ready_at"),
        instant(rs, "closed_at"),
        rs.getString("closed_by"),
        rs.getString("close_reason"),
        rs.getLong("governance_sequence"));
  }

  private static Instant instant(ResultSet rs, String column) throws SQLException {
    Timestamp t = rs.getTimestamp(column);
    return t == null ? null : t.toInstant();
  }
}
