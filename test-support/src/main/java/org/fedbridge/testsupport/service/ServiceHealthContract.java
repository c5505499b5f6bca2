package org.fedbridge.testsupport.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.env.Environment;

/**
 * What every bridge service promises once started against real PostgreSQL and Kafka: health,
 * liveness and readiness UP with the database and Kafka checked, its Flyway migrations applied to
 * its own schema, Prometheus metrics. A service's test extends this with its
 * {@code @SpringBootTest(webEnvironment = RANDOM_PORT)} set-up.
 */
public abstract class ServiceHealthContract {
  @Autowired private Environment environment;
  @Autowired private DataSource dataSource;

  /** The PostgreSQL schema the service owns. */
  protected abstract String schema();

  /** A table the service's first migration creates. */
  protected abstract String firstTable();

  protected String get(String path) throws Exception {
    URI uri = URI.create("http://127.0.0.1:" + environment.getProperty("local.server.port") + path);
    HttpResponse<String> response =
        HttpClient.newHttpClient()
            .send(HttpRequest.newBuilder(uri).build(), HttpResponse.BodyHandlers.ofString());
    assertThat(response.statusCode()).as(path).isEqualTo(200);
    return response.body();
  }

  private int count(String sql, String... params) throws Exception {
    try (Connection c = dataSource.getConnection();
        PreparedStatement statement = c.prepareStatement(sql)) {
      for (int i = 0; i < params.length; i++) {
        statement.setString(i + 1, params[i]);
      }
      try (ResultSet rs = statement.executeQuery()) {
        rs.next();
        return rs.getInt(1);
      }
    }
  }

  @Test
  void healthLivenessAndReadinessAreUpWithDatabaseAndKafka() throws Exception {
    assertThat(get("/actuator/health"))
        .contains("\"status\":\"UP\"")
        .contains("\"db\"")
        .contains("\"kafka\"");
    assertThat(get("/actuator/health/liveness")).contains("\"status\":\"UP\"");
    assertThat(get("/actuator/health/readiness"))
        .contains("\"status\":\"UP\"")
        .contains("\"kafka\"")
        .contains("\"db\"");
  }

  @Test
  void migrationsAreAppliedToTheServiceSchema() throws Exception {
    assertThat(
            count(
                "SELECT count(*) FROM "
                    + schema()
                    + ".flyway_schema_history"
                    + " WHERE success AND version = '1'"))
        .isEqualTo(1);
    assertThat(
            count("SELECT count(*) FROM " + schema() + ".flyway_schema_history WHERE NOT success"))
        .isZero();
    assertThat(
            count(
                "SELECT count(*) FROM information_schema.tables"
                    + " WHERE table_schema = ? AND table_name = ?",
                schema(),
                firstTable()))
        .isEqualTo(1);
  }

  @Test
  void prometheusMetricsAreExposed() throws Exception {
    assertThat(get("/actuator/prometheus")).contains("jvm_memory_used_bytes");
  }
}
