package org.fedbridge.admin;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.Map;
import org.fedbridge.core.dkg.IdentityKey;
import org.fedbridge.core.keystore.IdentityKeystore;
import org.fedbridge.core.keystore.Kdf;
import org.fedbridge.core.keystore.Keystore;
import org.fedbridge.core.keystore.Password;
import org.fedbridge.testsupport.TestKafka;
import org.fedbridge.testsupport.TestPostgres;
import org.springframework.core.env.Environment;
import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * Settings for an admin-api under test: its own database on the shared PostgreSQL, migrated by the
 * owner role and used by a separate service role ({@value #APP_ROLE}, as in production), real
 * Kafka, a governance identity keystore, and a bootstrap token file.
 */
public final class TestConsole {
  public static final String APP_ROLE = "admin_app";
  public static final String BOOTSTRAP_TOKEN = "test-bootstrap-token-0123456789abcdefghijklmnop";
  private static final String APP_PASSWORD = "admin-app-test-only";

  private TestConsole() {}

  /** A fresh database and the service role (created once per server). */
  public static synchronized String database(String name) {
    TestPostgres pg = TestPostgres.shared();
    // Without the URL's own user parameter: it would override the role a connection asks for.
    String url = pg.createDatabase(name).replaceAll("[?&](user|password)=[^&]*", "");
    try (Connection c = DriverManager.getConnection(pg.jdbcUrl(), pg.username(), pg.password())) {
      c.createStatement()
          .execute(
              "DO $$ BEGIN IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = '"
                  + APP_ROLE
                  + "') THEN CREATE ROLE "
                  + APP_ROLE
                  + " LOGIN PASSWORD '"
                  + APP_PASSWORD
                  + "'; END IF; END $$");
    } catch (SQLException e) {
      throw new IllegalStateException("cannot create the service role", e);
    }
    return url;
  }

  /** A connection as the service role, to show what it cannot do. */
  public static Connection asServiceRole(String jdbcUrl) throws SQLException {
    return DriverManager.getConnection(jdbcUrl, APP_ROLE, APP_PASSWORD);
  }

  /** A connection as the owner (superuser here), to tamper with what the service cannot. */
  public static Connection asOwner(String jdbcUrl) throws SQLException {
    TestPostgres pg = TestPostgres.shared();
    return DriverManager.getConnection(jdbcUrl, pg.username(), pg.password());
  }

  /** Every setting a console needs, as command-line style key/values. */
  public static Map<String, String> settings(String jdbcUrl, Path dir) {
    TestPostgres pg = TestPostgres.shared();
    Map<String, String> s = new LinkedHashMap<>();
    s.put("spring.datasource.url", jdbcUrl);
    s.put("spring.datasource.username", APP_ROLE);
    s.put("spring.datasource.password", APP_PASSWORD);
    s.put("spring.flyway.user", pg.username());
    s.put("spring.flyway.password", pg.password());
    s.put("bridge.admin.kafka.bootstrap-servers", TestKafka.shared().bootstrapServers());
    s.putAll(requiredSettings(dir));
    s.put("bridge.admin.timelock", "PT2S");
    s.put("bridge.admin.federation.genesis-spec", genesisSpec(dir, 4, 3).toString());
    s.put("bridge.admin.bootstrap-token-file", bootstrapTokenFile(dir).toString());
    return s;
  }

  /**
   * The settings besides the database and Kafka (chains, governance key, bootstrap token): what the
   * start-up contract tests add to their own.
   */
  public static Map<String, String> requiredSettings(Path dir) {
    Map<String, String> s = new LinkedHashMap<>();
    s.put("bridge.admin.l1.rpc-url", "http://127.0.0.1:9");
    s.put("bridge.admin.l1.chain-id", "31337");
    s.put("bridge.admin.l1.vault", "0x00000000000000000000000000000000000000aa");
    s.put("bridge.admin.sidechain.rpc-url", "http://127.0.0.1:9");
    s.put("bridge.admin.sidechain.chain-id", "1337");
    s.put("bridge.admin.governance.keystore", governanceKeystore(dir).toString());
    s.put("bridge.admin.governance.password-file", dir.resolve("governance.password").toString());
    return s;
  }

  public static void register(DynamicPropertyRegistry registry, Map<String, String> settings) {
    settings.forEach((k, v) -> registry.add(k, () -> v));
  }

  /** A directory under target/ for one test class's files. */
  public static Path dir(String name) {
    Path dir = Path.of(System.getProperty("java.io.tmpdir"), "admin-tests", name);
    try {
      Files.createDirectories(dir);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return dir;
  }

  static Path governanceKeystore(Path dir) {
    return governanceKeystore(dir, IdentityKey.random(new SecureRandom()));
  }

  /** A governance keystore holding {@code key} (its password file beside it). */
  public static Path governanceKeystore(Path dir, IdentityKey key) {
    Path file = dir.resolve("governance.json");
    Path password = dir.resolve("governance.password");
    try {
      Files.deleteIfExists(file);
      Files.writeString(password, "governance-test-password\n");
      Keystore.writeIdentity(
          file,
          new IdentityKeystore("admin-api", key),
          Password.of("governance-test-password"),
          new Kdf.Pbkdf2(1000),
          new SecureRandom());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return file;
  }

  /** The identity key of genesis member {@code i} (deterministic, test only). */
  public static IdentityKey memberIdentity(int i) {
    return IdentityKey.fromBytes(
            org.fedbridge.core.types.Keccak.hash(
                    ("admin-test-member-" + i).getBytes(java.nio.charset.StandardCharsets.UTF_8))
                .bytes())
        .orThrow();
  }

  /** A fresh identity key that no genesis member has. */
  public static String newIdentityKeyHex() {
    return org.fedbridge.core.types.Hex.encode(
        IdentityKey.random(new SecureRandom()).publicKey().compressed());
  }

  /** A federation spec for epoch 0 with members op-1..op-n (chains 31337 and 1337). */
  public static Path genesisSpec(Path dir, int n, int t) {
    StringBuilder members = new StringBuilder();
    for (int i = 1; i <= n; i++) {
      members
          .append(i > 1 ? "," : "")
          .append("{\"index\":")
          .append(i)
          .append(",\"operatorId\":\"op-")
          .append(i)
          .append("\",\"identityPublicKey\":\"")
          .append(org.fedbridge.core.types.Hex.encode(memberIdentity(i).publicKey().compressed()))
          .append("\"}");
    }
    Path file = dir.resolve("federation-" + n + ".json");
    try {
      Files.writeString(
          file,
          "{\"version\":1,\"l1ChainId\":31337,\"sidechainId\":1337,"
              + "\"vault\":\"0x0000000000000000000000000000000000000000\",\"epoch\":0,"
              + "\"attempt\":0,\"threshold\":"
              + t
              + ",\"members\":["
              + members
              + "]}");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return file;
  }

  static Path bootstrapTokenFile(Path dir) {
    Path file = dir.resolve("bootstrap-token");
    try {
      Files.writeString(file, BOOTSTRAP_TOKEN + "\n");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return file;
  }

  /** A call to the console started by the test (bearer token, JSON body or none). */
  public static HttpResponse<String> call(
      Environment environment, String method, String path, String token, String body)
      throws IOException, InterruptedException {
    return HttpClient.newHttpClient()
        .send(
            HttpRequest.newBuilder(
                    URI.create(
                        "http://127.0.0.1:" + environment.getProperty("local.server.port") + path))
                .header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json")
                .method(
                    method,
                    body == null
                        ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body))
                .build(),
            HttpResponse.BodyHandlers.ofString());
  }
}
