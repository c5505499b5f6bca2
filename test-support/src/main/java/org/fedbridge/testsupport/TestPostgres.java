package org.fedbridge.testsupport;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import org.testcontainers.postgresql.PostgreSQLContainer;

/**
 * A real PostgreSQL server for tests: a Testcontainers container when a Docker engine is available,
 * an embedded server (zonky, PostgreSQL 17) otherwise. One per test JVM, started on first use on a
 * free port, stopped when the JVM exits.
 */
public final class TestPostgres {
  private static TestPostgres shared;

  private final String jdbcUrl;
  private final String username;
  private final String password;

  private TestPostgres(String jdbcUrl, String username, String password) {
    this.jdbcUrl = jdbcUrl;
    this.username = username;
    this.password = password;
  }

  /** The JVM-wide server, started on first call. */
  public static synchronized TestPostgres shared() {
    if (shared == null) {
      shared = Docker.available() ? startContainer() : startEmbedded();
    }
    return shared;
  }

  @SuppressWarnings("resource") // stopped by the shutdown hook
  private static TestPostgres startContainer() {
    PostgreSQLContainer container = new PostgreSQLContainer("postgres:17-alpine");
    container.start();
    Runtime.getRuntime().addShutdownHook(new Thread(container::stop, "stop-postgres"));
    return new TestPostgres(
        container.getJdbcUrl(), container.getUsername(), container.getPassword());
  }

  private static TestPostgres startEmbedded() {
    try {
      EmbeddedPostgres server = EmbeddedPostgres.builder().start();
      Runtime.getRuntime()
          .addShutdownHook(
              new Thread(
                  () -> {
                    try {
                      server.close();
                    } catch (IOException e) {
                      // the JVM is exiting; nothing left to report to
                    }
                  },
                  "stop-postgres"));
      return new TestPostgres(server.getJdbcUrl("postgres", "postgres"), "postgres", "postgres");
    } catch (IOException e) {
      throw new UncheckedIOException("embedded PostgreSQL did not start", e);
    }
  }

  public String jdbcUrl() {
    return jdbcUrl;
  }

  public String username() {
    return username;
  }

  public String password() {
    return password;
  }

  /**
   * Creates a fresh, empty database on this server and returns its JDBC URL, for tests that need
   * isolation from each other (for example two replicas with their own stores).
   */
  public String createDatabase(String name) {
    if (!name.matches("[a-z][a-z0-9_]{0,62}")) {
      throw new IllegalArgumentException("database name must match [a-z][a-z0-9_]*: " + name);
    }
    try (Connection connection = DriverManager.getConnection(jdbcUrl, username, password)) {
      connection.createStatement().execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
      connection.createStatement().execute("CREATE DATABASE " + name);
    } catch (SQLException e) {
      throw new IllegalStateException("cannot create database " + name, e);
    }
    int query = jdbcUrl.indexOf('?');
    String base = query < 0 ? jdbcUrl : jdbcUrl.substring(0, query);
    String params = query < 0 ? "" : jdbcUrl.substring(query);
    return base.substring(0, base.lastIndexOf('/') + 1) + name + params;
  }
}
