package org.fedbridge.admin.auth;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The {@code principals} and {@code api_tokens} tables. */
@Repository
class PrincipalStore {
  private final JdbcClient jdbc;

  PrincipalStore(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  record Row(
      long id,
      String name,
      Set<Role> roles,
      Instant createdAt,
      String createdBy,
      Instant disabledAt) {
    boolean active() {
      return disabledAt == null;
    }
  }

  record TokenRow(long id, long principalId, String label, Instant createdAt, Instant revokedAt) {}

  /** The active principal holding an unrevoked token with this hash. */
  Optional<AdminPrincipal> byTokenHash(byte[] hash) {
    return jdbc.sql(
            "SELECT p.name, p.roles, t.id AS token_id FROM api_tokens t"
                + " JOIN principals p ON p.id = t.principal_id"
                + " WHERE t.token_hash = :hash AND t.revoked_at IS NULL AND p.disabled_at IS NULL")
        .param("hash", hash)
        .query(
            (rs, n) ->
                new AdminPrincipal(
                    rs.getString("name"),
                    roles(rs.getString("roles")),
                    AdminPrincipal.Source.API_TOKEN,
                    rs.getLong("token_id")))
        .optional();
  }

  Optional<Row> byName(String name) {
    return jdbc.sql("SELECT * FROM principals WHERE name = :name")
        .param("name", name)
        .query(PrincipalStore::row)
        .optional();
  }

  List<Row> all() {
    return jdbc.sql("SELECT * FROM principals ORDER BY name").query(PrincipalStore::row).list();
  }

  long count() {
    return jdbc.sql("SELECT count(*) FROM principals").query(Long.class).single();
  }

  long activeWithRole(Role role) {
    return all().stream().filter(r -> r.active() && r.roles().contains(role)).count();
  }

  long insert(String name, Set<Role> roles, Instant at, String by) {
    return jdbc.sql(
            "INSERT INTO principals (name, roles, created_at, created_by)"
                + " VALUES (:name, :roles, :at, :by) RETURNING id")
        .param("name", name)
        .param("roles", text(roles))
        .param("at", Timestamp.from(at))
        .param("by", by)
        .query(Long.class)
        .single();
  }

  void setRoles(long id, Set<Role> roles) {
    jdbc.sql("UPDATE principals SET roles = :roles WHERE id = :id")
        .param("roles", text(roles))
        .param("id", id)
        .update();
  }

  void disable(long id, Instant at, String by) {
    jdbc.sql(
            "UPDATE principals SET disabled_at = :at, disabled_by = :by"
                + " WHERE id = :id AND disabled_at IS NULL")
        .param("at", Timestamp.from(at))
        .param("by", by)
        .param("id", id)
        .update();
  }

  long insertToken(long principalId, byte[] hash, String label, Instant at) {
    return jdbc.sql(
            "INSERT INTO api_tokens (principal_id, token_hash, label, created_at)"
                + " VALUES (:p, :hash, :label, :at) RETURNING id")
        .param("p", principalId)
        .param("hash", hash)
        .param("label", label)
        .param("at", Timestamp.from(at))
        .query(Long.class)
        .single();
  }

  Optional<TokenRow> token(long id) {
    return jdbc.sql("SELECT * FROM api_tokens WHERE id = :id")
        .param("id", id)
        .query(PrincipalStore::tokenRow)
        .optional();
  }

  List<TokenRow> tokensOf(long principalId) {
    return jdbc.sql("SELECT * FROM api_tokens WHERE principal_id = :p ORDER BY id")
        .param("p", principalId)
        .query(PrincipalStore::tokenRow)
        .list();
  }

  boolean revokeToken(long id, Instant at, String by) {
    return jdbc.sql(
                "UPDATE api_tokens SET revoked_at = :at, revoked_by = :by"
                    + " WHERE id = :id AND revoked_at IS NULL")
            .param("at", Timestamp.from(at))
            .param("by", by)
            .param("id", id)
            .update()
        == 1;
  }

  private static Row row(ResultSet rs, int n) throws SQLException {
    Timestamp disabled = rs.getTimestamp("disabled_at");
    return new Row(
        rs.getLong("id"),
        rs.getString("name"),
        roles(rs.getString("roles")),
        rs.getTimestamp("created_at").toInstant(),
        rs.getString("created_by"),
        disabled == null ? null : disabled.toInstant());
  }

  private static TokenRow tokenRow(ResultSet rs, int n) throws SQLException {
    Timestamp revoked = rs.getTimestamp("revoked_at");
    return new TokenRow(
        rs.getLong("id"),
        rs.getLong("principal_id"),
        rs.getString("label"),
        rs.getTimestamp("created_at").toInstant(),
        revoked == null ? null : revoked.toInstant());
  }

  static Set<Role> roles(String text) {
    Set<Role> out = EnumSet.noneOf(Role.class);
    Arrays.stream(text.split(",")).map(Role::valueOf).forEach(out::add);
    return out;
  }

  static String text(Set<Role> roles) {
    return EnumSet.copyOf(roles).stream().map(Role::name).collect(Collectors.joining(","));
  }
}
