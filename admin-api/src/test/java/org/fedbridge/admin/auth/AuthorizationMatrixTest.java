package org.fedbridge.admin.auth;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.fedbridge.admin.ConsoleTest;
import org.fedbridge.admin.TestConsole;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.TestInstance;

/**
 * Every endpoint × every kind of caller (no token, a wrong token, a revoked token, a malformed
 * header, and a principal of each role) gives exactly the expected status, and a refused request
 * changes nothing: the console's tables are the same before and after, except refusal entries in
 * the audit log (threats.md row 13 on the console: the whole permission matrix).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AuthorizationMatrixTest extends ConsoleTest {
  private static final AtomicInteger SEQ = new AtomicInteger();

  /** The callers: a name and the Authorization header token (null = none). */
  enum Caller {
    NONE,
    WRONG,
    REVOKED,
    MALFORMED,
    VIEWER,
    OPERATOR,
    PAUSER,
    ADMIN
  }

  private final Map<Caller, String> tokens = new LinkedHashMap<>();

  /** One endpoint: who may call it, what they then get, and a fresh request per call. */
  record Row(
      String method,
      String path,
      Supplier<String> body,
      Set<Caller> allowed,
      int allowedStatus,
      Supplier<String> pathSupplier) {
    Row(String method, String path, Supplier<String> body, Set<Caller> allowed, int status) {
      this(method, path, body, allowed, status, () -> path);
    }
  }

  @BeforeAll
  void callers() {
    tokens.put(Caller.NONE, null);
    tokens.put(Caller.WRONG, "fba_" + "x".repeat(43));
    String revoked = principal("matrix-revoked", Role.OPERATOR, Role.PAUSER);
    long revokedId = principals.authenticate(revoked).orElseThrow().tokenId();
    assertThat(principals.revokeToken(bootstrapAdmin(), revokedId).isDone()).isTrue();
    assertThat(principals.authenticate(revoked)).isEmpty();
    tokens.put(Caller.REVOKED, revoked);
    tokens.put(Caller.MALFORMED, "Basic-not-a-bearer");
    tokens.put(Caller.VIEWER, principal("matrix-viewer", Role.VIEWER));
    tokens.put(Caller.OPERATOR, principal("matrix-operator", Role.OPERATOR));
    tokens.put(Caller.PAUSER, principal("matrix-pauser", Role.PAUSER));
    tokens.put(Caller.ADMIN, TestConsole.BOOTSTRAP_TOKEN);
  }

  private static final Set<Caller> AUTHENTICATED =
      EnumSet.of(Caller.VIEWER, Caller.OPERATOR, Caller.PAUSER, Caller.ADMIN);
  private static final Set<Caller> EVERYONE = EnumSet.allOf(Caller.class);
  private static final Set<Caller> OPERATORS = EnumSet.of(Caller.OPERATOR, Caller.ADMIN);
  private static final Set<Caller> ADMINS = EnumSet.of(Caller.ADMIN);

  private List<Row> rows() {
    List<Row> rows = new ArrayList<>();
    // Public: the page, the API description, probes.
    rows.add(new Row("GET", "/", () -> null, EVERYONE, 200));
    rows.add(new Row("GET", "/v3/api-docs", () -> null, EVERYONE, 200));
    rows.add(new Row("GET", "/actuator/health/liveness", () -> null, EVERYONE, 200));
    // Any principal: itself and its own tokens.
    rows.add(new Row("GET", "/api/me", () -> null, AUTHENTICATED, 200));
    rows.add(new Row("POST", "/api/me/tokens", () -> "{\"label\":\"matrix\"}", AUTHENTICATED, 201));
    rows.add(new Row("DELETE", "/api/me/tokens/987654321", () -> null, AUTHENTICATED, 404));
    // ADMIN: principals.
    rows.add(new Row("GET", "/api/principals", () -> null, ADMINS, 200));
    rows.add(
        new Row(
            "POST",
            "/api/principals",
            () -> "{\"name\":\"matrix-new-" + SEQ.incrementAndGet() + "\",\"roles\":[\"VIEWER\"]}",
            ADMINS,
            201));
    rows.add(
        new Row(
            "POST",
            "/api/principals/{victim}/disable",
            () -> null,
            ADMINS,
            204,
            () -> "/api/principals/" + victim() + "/disable"));
    rows.add(
        new Row(
            "DELETE",
            "/api/principals/tokens/{victimToken}",
            () -> null,
            ADMINS,
            204,
            () -> "/api/principals/tokens/" + victimToken()));
    // The audit log.
    rows.add(new Row("GET", "/api/audit", () -> null, OPERATORS, 200));
    rows.add(new Row("GET", "/api/audit/verify", () -> null, AUTHENTICATED, 200));
    rows.add(new Row("GET", "/api/audit/export", () -> null, ADMINS, 200));
    // Proposals: VIEWER reads, ADMIN proposes, approves and cancels.
    rows.add(new Row("GET", "/api/proposals", () -> null, AUTHENTICATED, 200));
    rows.add(
        new Row(
            "GET",
            "/api/proposals/{id}",
            () -> null,
            AUTHENTICATED,
            200,
            () -> "/api/proposals/" + proposal()));
    rows.add(
        new Row("POST", "/api/proposals", AuthorizationMatrixTest::pauserProposal, ADMINS, 201));
    rows.add(
        new Row(
            "POST",
            "/api/proposals/{id}/approve",
            () -> null,
            ADMINS,
            200,
            () -> "/api/proposals/" + proposal() + "/approve"));
    rows.add(
        new Row(
            "POST",
            "/api/proposals/{id}/cancel",
            () -> "{\"reason\":\"matrix\"}",
            ADMINS,
            200,
            () -> "/api/proposals/" + proposal() + "/cancel"));
    rows.add(new Row("GET", "/api/governance", () -> null, AUTHENTICATED, 200));
    rows.add(new Row("GET", "/api/tokens", () -> null, AUTHENTICATED, 200));
    rows.add(new Row("GET", "/api/tokens/configs", () -> null, AUTHENTICATED, 200));
    rows.add(new Row("GET", "/console/app.js", () -> null, EVERYONE, 200));
    // Pause: status for everyone, pause for PAUSER (this console has no pauser key: 503).
    rows.add(new Row("GET", "/api/pause", () -> null, AUTHENTICATED, 200));
    rows.add(
        new Row(
            "POST",
            "/api/pause",
            () -> "{\"confirm\":\"PAUSE\",\"reason\":\"matrix\"}",
            EnumSet.of(Caller.PAUSER),
            503));
    // Reconciliation and the watchtower (chains unreachable here: the round reports it).
    rows.add(new Row("GET", "/api/reconciliation", () -> null, AUTHENTICATED, 200));
    rows.add(new Row("POST", "/api/reconciliation/run", () -> null, OPERATORS, 200));
    rows.add(new Row("GET", "/api/watchtower/roots", () -> null, AUTHENTICATED, 200));
    rows.add(
        new Row(
            "POST",
            "/api/watchtower/revocations",
            () -> "{\"root\":\"0x" + "ab".repeat(32) + "\",\"reason\":\"matrix\"}",
            EnumSet.of(Caller.PAUSER),
            503));
    // The federation view.
    rows.add(new Row("GET", "/api/federation", () -> null, AUTHENTICATED, 200));
    rows.add(new Row("GET", "/api/federation/epochs", () -> null, AUTHENTICATED, 200));
    rows.add(new Row("GET", "/api/federation/certificates", () -> null, AUTHENTICATED, 200));
    rows.add(new Row("GET", "/api/federation/rotation", () -> null, AUTHENTICATED, 200));
    // ADMIN gives up a rotation (none is in progress here: 409 after authorisation).
    rows.add(
        new Row(
            "POST",
            "/api/federation/rotation/abandon",
            () -> "{\"confirm\":\"ABANDON\",\"reason\":\"matrix\"}",
            ADMINS,
            409));
    // Nothing else exists: denied to everyone, authenticated or not.
    rows.add(new Row("POST", "/api/unknown", () -> "{}", Set.of(), 0));
    rows.add(new Row("PUT", "/api/audit", () -> "{}", Set.of(), 0));
    return rows;
  }

  private static String pauserProposal() {
    return "{\"kind\":\"PAUSER_UPDATE\",\"pauser\":\""
        + String.format("0x%040x", 0xabc000L + SEQ.incrementAndGet())
        + "\",\"enabled\":true}";
  }

  /** A fresh proposal by admin-2, which the bootstrap admin (the matrix's ADMIN) may approve. */
  private long proposal() {
    try {
      return propose(secondAdmin(), pauserProposal()).path("id").asLong();
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  private String victim() {
    String name = "matrix-victim-" + SEQ.incrementAndGet();
    principal(name, Role.VIEWER);
    return name;
  }

  private String victimToken() {
    String token = principal("matrix-victim-" + SEQ.incrementAndGet(), Role.VIEWER);
    return Long.toString(principals.authenticate(token).orElseThrow().tokenId());
  }

  @TestFactory
  List<DynamicTest> everyEndpointWithEveryCaller() {
    List<DynamicTest> tests = new ArrayList<>();
    for (Row row : rows()) {
      for (Caller caller : Caller.values()) {
        tests.add(
            DynamicTest.dynamicTest(
                row.method() + " " + row.path() + " as " + caller, () -> check(row, caller)));
      }
    }
    return tests;
  }

  private void check(Row row, Caller caller) throws Exception {
    String path = row.pathSupplier().get();
    Map<String, Long> before = state();
    long auditBefore = auditHead();
    String token = tokens.get(caller);
    HttpResponse<String> response =
        caller == Caller.MALFORMED
            ? callRaw(row.method(), path, token, row.body().get())
            : call(row.method(), path, token, row.body().get());
    int expected = expected(row, caller);
    assertThat(response.statusCode()).as(response.body()).isEqualTo(expected);
    if (expected >= 400) {
      assertThat(response.headers().firstValue("Content-Type").orElse(""))
          .startsWith("application/problem+json");
      assertThat(json(response).path("status").asInt()).isEqualTo(expected);
    }
    if (expected == 401) {
      assertThat(json(response).path("type").asText())
          .isEqualTo(
              caller == Caller.NONE
                  ? "/problems/unauthenticated"
                  : "/problems/invalid-credentials");
      assertThat(response.headers().firstValue("WWW-Authenticate")).hasValue("Bearer");
    }
    if (expected == 403) {
      assertThat(json(response).path("type").asText()).isEqualTo("/problems/forbidden");
    }
    if (expected == 401 || expected == 403) {
      assertThat(state()).as("nothing changes on a refusal").isEqualTo(before);
      assertThat(newAuditOutcomes(auditBefore)).allMatch("refused"::equals);
    }
  }

  private int expected(Row row, Caller caller) {
    if (row.allowed().contains(caller)) {
      return row.allowedStatus();
    }
    return switch (caller) {
      case NONE, WRONG, REVOKED, MALFORMED -> 401;
      default -> 403;
    };
  }

  /** Sends {@code Authorization: <value>} as is (not a bearer token). */
  private HttpResponse<String> callRaw(String method, String path, String value, String body)
      throws Exception {
    var b = java.net.http.HttpRequest.newBuilder(java.net.URI.create(url(path)));
    b.header("Authorization", value);
    if (body != null) {
      b.header("Content-Type", "application/json");
    }
    b.method(
        method,
        body == null
            ? java.net.http.HttpRequest.BodyPublishers.noBody()
            : java.net.http.HttpRequest.BodyPublishers.ofString(body));
    return java.net.http.HttpClient.newHttpClient()
        .send(b.build(), HttpResponse.BodyHandlers.ofString());
  }

  /** Row counts and fingerprints of every table a request could change. */
  private Map<String, Long> state() throws Exception {
    Map<String, Long> s = new LinkedHashMap<>();
    try (Connection c = TestConsole.asOwner(DB)) {
      for (String q :
          List.of(
              "SELECT count(*) FROM admin.principals",
              "SELECT count(*) FROM admin.principals WHERE disabled_at IS NULL",
              "SELECT count(*) FROM admin.api_tokens",
              "SELECT count(*) FROM admin.api_tokens WHERE revoked_at IS NULL",
              "SELECT count(*) FROM admin.proposals",
              "SELECT count(*) FROM admin.proposals WHERE state = 'PENDING'",
              "SELECT count(*) FROM admin.approvals")) {
        try (ResultSet rs = c.createStatement().executeQuery(q)) {
          rs.next();
          s.put(q, rs.getLong(1));
        }
      }
    }
    return s;
  }

  private long auditHead() throws Exception {
    try (Connection c = TestConsole.asOwner(DB);
        ResultSet rs =
            c.createStatement().executeQuery("SELECT coalesce(max(seq), 0) FROM admin.audit_log")) {
      rs.next();
      return rs.getLong(1);
    }
  }

  private List<String> newAuditOutcomes(long after) throws Exception {
    List<String> out = new ArrayList<>();
    try (Connection c = TestConsole.asOwner(DB);
        ResultSet rs =
            c.createStatement()
                .executeQuery("SELECT outcome FROM admin.audit_log WHERE seq > " + after)) {
      while (rs.next()) {
        out.add(rs.getString(1));
      }
    }
    return out;
  }
}
