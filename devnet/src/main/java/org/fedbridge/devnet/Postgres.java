package org.fedbridge.devnet;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;

/** The devnet's PostgreSQL: an embedded server in {@code .devnet/postgres}, or a given one. */
final class Postgres implements AutoCloseable {
  static final String DATABASE = "fedbridge";

  private final EmbeddedPostgres embedded;
  private final String jdbcUrl;
  private final String username;
  private final String password;

  private Postgres(EmbeddedPostgres embedded, String jdbcUrl, String username, String password) {
    this.embedded = embedded;
    this.jdbcUrl = jdbcUrl;
    this.username = username;
    this.password = password;
  }

  static Postgres embedded(Path dataDir, int port) {
    try {
      EmbeddedPostgres server =
          EmbeddedPostgres.builder()
              .setDataDirectory(dataDir)
              .setCleanDataDirectory(true)
              .setPort(port)
              .start();
      try (Connection c = server.getPostgresDatabase().getConnection()) {
        c.createStatement().execute("CREATE DATABASE " + DATABASE);
      }
      return new Postgres(server, server.getJdbcUrl("postgres", DATABASE), "postgres", "postgres");
    } catch (IOException | SQLException e) {
      throw new DevnetException("embedded PostgreSQL did not start: " + e.getMessage(), e);
    }
  }

  /** A server the user runs; checked with one connection now rather than by every service. */
  static Postgres external(String jdbcUrl, String username, String password) {
    try (Connection c = DriverManager.getConnection(jdbcUrl, username, password)) {
      c.isValid(5);
    } catch (SQLException e) {
      throw new DevnetException("cannot connect to " + jdbcUrl + ": " + e.getMessage(), e);
    }
    return new Postgres(null, jdbcUrl, username, password);
  }

  String jdbcUrl() {
    return jdbcUrl;
  }

  String username() {
    return username;
  }

  String password() {
    return password;
  }

  boolean isEmbedded() {
    return embedded != null;
  }

  @Override
  public void close() {
    if (embedded != null) {
      try {
        embedded.close();
      } catch (IOException e) {
        throw new DevnetException("embedded PostgreSQL did not stop cleanly", e);
      }
    }
  }
}
