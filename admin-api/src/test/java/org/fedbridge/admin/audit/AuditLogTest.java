package org.fedbridge.admin.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.fedbridge.admin.ConsoleTest;
import org.fedbridge.admin.TestConsole;
import org.fedbridge.admin.auth.Role;
import org.fedbridge.core.types.Bytes32;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;

/**
 * The audit log is append-only and hash-chained: the service's own database role can neither change
 * nor remove an entry (nor switch the guard off), the chain never forks under concurrent writers,
 * and any tampering by someone who can (the database owner) is found by the verification endpoint
 * and by anyone who checks an export.
 */
class AuditLogTest extends ConsoleTest {
  @Autowired AuditLog audit;
  @Autowired TransactionTemplate tx;

  private long append(String action, Map<String, ?> details) {
    return tx.execute(s -> audit.record("audit-test", action, "test/1", details));
  }

  @Test
  void entriesAreChainedByTheDatabaseExactlyAsTheVerifierComputes() throws Exception {
    long a = append("test.first", Map.of("n", 1, "text", "ünïcode ✓"));
    long b = append("test.second", Map.of("n", 2));
    assertThat(b).isGreaterThan(a);
    List<AuditEntry> two = audit.page(b + 1, 2, java.util.Optional.of("audit-test"));
    AuditEntry second = two.get(0);
    AuditEntry first = two.get(1);
    assertThat(second.prevHash()).isEqualTo(first.hash());
    assertThat(
            AuditChain.hash(
                first.hash(),
                second.seq(),
                second.at(),
                second.actor(),
                second.action(),
                second.target(),
                second.outcome(),
                second.details()))
        .isEqualTo(second.hash());
    assertThat(first.details()).isEqualTo("{\"n\":1,\"text\":\"ünïcode ✓\"}");
    assertThat(audit.verify().valid()).isTrue();
  }

  @Test
  void recordRefusesToRunOutsideTheActionsTransaction() {
    assertThatThrownBy(() -> audit.record("audit-test", "test.loose", "t", Map.of()))
        .hasMessageContaining("transaction");
  }

  @Test
  void theServiceRoleCanNeitherChangeNorRemoveNorUnguardTheLog() throws Exception {
    append("test.guarded", Map.of());
    try (Connection c = TestConsole.asServiceRole(DB)) {
      c.createStatement().execute("SET search_path = admin");
      for (String attack :
          List.of(
              "UPDATE audit_log SET details = '{}' WHERE seq = 1",
              "DELETE FROM audit_log WHERE seq = 1",
              "TRUNCATE audit_log",
              "ALTER TABLE audit_log DISABLE TRIGGER audit_log_immutable",
              "DROP TRIGGER audit_log_immutable ON audit_log",
              "DROP TABLE audit_log",
              "SET session_replication_role = replica")) {
        Throwable refused = catchThrowable(() -> c.createStatement().execute(attack));
        assertThat(refused).as(attack).isInstanceOf(SQLException.class);
        assertThat(((SQLException) refused).getSQLState()).as(attack).isEqualTo("42501");
      }
    }
    assertThat(audit.verify().valid()).isTrue();
  }

  @Test
  void evenTheOwnerMeetsTheTriggerAndCannotForgeTheChainOnInsert() throws Exception {
    append("test.owner", Map.of());
    try (Connection c = TestConsole.asOwner(DB)) {
      for (String attack :
          List.of("UPDATE admin.audit_log SET actor = 'x'", "DELETE FROM admin.audit_log")) {
        assertThat(catchThrowable(() -> c.createStatement().execute(attack)))
            .as(attack)
            .hasMessageContaining("append-only");
      }
    }
    // A writer that supplies its own position and hash gets the database's instead.
    try (Connection c = TestConsole.asServiceRole(DB);
        PreparedStatement p =
            c.prepareStatement(
                "INSERT INTO admin.audit_log (seq, at, actor, action, target, outcome, details,"
                    + " prev_hash, hash) VALUES (1, now(), 'forger', 'test.forge', 't', 'done',"
                    + " '{}', ?, ?) RETURNING seq")) {
      p.setBytes(1, new byte[32]);
      p.setBytes(2, new byte[32]);
      try (ResultSet rs = p.executeQuery()) {
        rs.next();
        assertThat(rs.getLong(1)).isGreaterThan(1);
      }
    }
    assertThat(audit.verify().valid()).isTrue();
  }

  @Test
  void concurrentWritersNeverForkTheChain() throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(8);
    try {
      List<Future<?>> all = new ArrayList<>();
      for (int i = 0; i < 64; i++) {
        int n = i;
        all.add(pool.submit(() -> append("test.concurrent", Map.of("n", n))));
      }
      for (Future<?> f : all) {
        f.get();
      }
    } finally {
      pool.shutdown();
    }
    AuditVerification v = audit.verify();
    assertThat(v.valid()).as(v.problem()).isTrue();
    assertThat(v.entries()).isEqualTo(v.headSeq());
  }

  @Test
  void tamperingWithAnyEntryIsReportedByTheVerificationEndpointExploit() throws Exception {
    String viewer = principal("audit-tamper-viewer", Role.VIEWER);
    long target = append("test.victim", Map.of("amount", "100"));
    append("test.after", Map.of());
    assertThat(json(call("GET", "/api/audit/verify", viewer, null)).path("valid").asBoolean())
        .isTrue();

    // Change a field.
    tamper("UPDATE admin.audit_log SET details = '{\"amount\":\"1\"}' WHERE seq = " + target);
    JsonNode changed = json(call("GET", "/api/audit/verify", viewer, null));
    assertThat(changed.path("valid").asBoolean()).isFalse();
    assertThat(changed.path("firstBrokenSeq").asLong()).isEqualTo(target);
    assertThat(changed.path("problem").asText()).contains("changed");
    tamper("UPDATE admin.audit_log SET details = '{\"amount\":\"100\"}' WHERE seq = " + target);
    assertThat(audit.verify().valid()).isTrue();

    // Change a field and recompute that entry's own hash: the next entry no longer follows it.
    AuditEntry victim = entry(target);
    Instant at = victim.at();
    Bytes32 forged =
        AuditChain.hash(
            victim.prevHash(),
            target,
            at,
            victim.actor(),
            victim.action(),
            victim.target(),
            victim.outcome(),
            "{\"amount\":\"1\"}");
    tamper(
        "UPDATE admin.audit_log SET details = '{\"amount\":\"1\"}', hash = '\\x"
            + forged.toHex().substring(2)
            + "' WHERE seq = "
            + target);
    JsonNode rehashed = json(call("GET", "/api/audit/verify", viewer, null));
    assertThat(rehashed.path("valid").asBoolean()).isFalse();
    assertThat(rehashed.path("firstBrokenSeq").asLong()).isEqualTo(target + 1);
    tamper(
        "UPDATE admin.audit_log SET details = '{\"amount\":\"100\"}', hash = '\\x"
            + victim.hash().toHex().substring(2)
            + "' WHERE seq = "
            + target);
    assertThat(audit.verify().valid()).isTrue();

    // Remove an entry.
    tamper("DELETE FROM admin.audit_log WHERE seq = " + target);
    JsonNode removed = json(call("GET", "/api/audit/verify", viewer, null));
    assertThat(removed.path("valid").asBoolean()).isFalse();
    assertThat(removed.path("firstBrokenSeq").asLong()).isEqualTo(target);
    assertThat(removed.path("problem").asText()).contains("missing");
    restore(victim);
    assertThat(audit.verify().valid()).isTrue();
  }

  @Test
  void anExportCanBeVerifiedOfflineEntryByEntry() throws Exception {
    append("test.export", Map.of("k", "v"));
    HttpResponse<String> export =
        call("GET", "/api/audit/export", TestConsole.BOOTSTRAP_TOKEN, null);
    assertThat(export.statusCode()).isEqualTo(200);
    assertThat(export.headers().firstValue("Content-Type").orElse(""))
        .startsWith("application/x-ndjson");
    Bytes32 prev = new Bytes32(new byte[32]);
    long seq = 0;
    for (String line : export.body().split("\n")) {
      JsonNode e = JSON.readTree(line);
      seq++;
      assertThat(e.path("seq").asLong()).isEqualTo(seq);
      assertThat(e.path("prevHash").asText()).isEqualTo(prev.toHex());
      Bytes32 h =
          AuditChain.hash(
              prev,
              seq,
              Instant.parse(e.path("at").asText()),
              e.path("actor").asText(),
              e.path("action").asText(),
              e.path("target").asText(),
              e.path("outcome").asText(),
              e.path("details").asText());
      assertThat(h.toHex()).isEqualTo(e.path("hash").asText());
      prev = h;
    }
    assertThat(seq).isGreaterThan(0);
  }

  private AuditEntry entry(long seq) {
    return audit.page(seq + 1, 1, java.util.Optional.empty()).get(0);
  }

  /** As the owner, with the guard triggers switched off: what a database administrator can do. */
  private static void tamper(String sql) throws SQLException {
    try (Connection c = TestConsole.asOwner(DB);
        Statement s = c.createStatement()) {
      c.setAutoCommit(false);
      s.execute("SET LOCAL session_replication_role = replica");
      s.execute(sql);
      c.commit();
    }
  }

  private static void restore(AuditEntry e) throws SQLException {
    try (Connection c = TestConsole.asOwner(DB)) {
      c.setAutoCommit(false);
      c.createStatement().execute("SET LOCAL session_replication_role = replica");
      try (PreparedStatement p =
          c.prepareStatement("INSERT INTO admin.audit_log VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
        p.setLong(1, e.seq());
        p.setTimestamp(2, java.sql.Timestamp.from(e.at()));
        p.setString(3, e.actor());
        p.setString(4, e.action());
        p.setString(5, e.target());
        p.setString(6, e.outcome());
        p.setString(7, e.details());
        p.setBytes(8, e.prevHash().bytes());
        p.setBytes(9, e.hash().bytes());
        p.execute();
      }
      c.commit();
    }
  }
}
