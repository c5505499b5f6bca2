package org.fedbridge.sidechain;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.fedbridge.sidechain.testing.TestGenesis;
import org.fedbridge.testsupport.RealInfrastructure;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** Starts the whole service against real PostgreSQL and Kafka. */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    args = {"--bridge.sidechain.chain-id=1337"})
class SidechainNodeApplicationTest {

  @DynamicPropertySource
  static void infrastructure(DynamicPropertyRegistry registry) {
    RealInfrastructure.register(registry, "bridge.sidechain.kafka.bootstrap-servers");
    registry.add("bridge.sidechain.genesis", () -> TestGenesis.sample().toString());
  }

  @Autowired Environment environment;
  @Autowired JdbcTemplate jdbc;

  private String get(String path) throws Exception {
    URI uri = URI.create("http://127.0.0.1:" + environment.getProperty("local.server.port") + path);
    HttpResponse<String> response =
        HttpClient.newHttpClient()
            .send(HttpRequest.newBuilder(uri).build(), HttpResponse.BodyHandlers.ofString());
    assertThat(response.statusCode()).as(path).isEqualTo(200);
    return response.body();
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
        .contains("\"db\"")
        .contains("\"ledger\"");
  }

  @Test
  void migrationsAreAppliedToTheServiceSchema() {
    Integer applied =
        jdbc.queryForObject(
            "SELECT count(*) FROM sidechain.flyway_schema_history WHERE success AND version = '1'",
            Integer.class);
    assertThat(applied).isEqualTo(1);
    Integer table =
        jdbc.queryForObject(
            "SELECT count(*) FROM information_schema.tables"
                + " WHERE table_schema = 'sidechain' AND table_name = 'consumer_offsets'",
            Integer.class);
    assertThat(table).isEqualTo(1);
    Integer ledgerTables =
        jdbc.queryForObject(
            "SELECT count(*) FROM information_schema.tables WHERE table_schema = 'sidechain'"
                + " AND table_name IN ('blocks', 'transactions', 'logs', 'withdrawals', 'state')",
            Integer.class);
    assertThat(ledgerTables).isEqualTo(5);
    Integer genesisBlock =
        jdbc.queryForObject(
            "SELECT count(*) FROM sidechain.blocks WHERE number = 0", Integer.class);
    assertThat(genesisBlock).isEqualTo(1);
  }

  @Test
  void prometheusMetricsAreExposed() throws Exception {
    assertThat(get("/actuator/prometheus")).contains("jvm_memory_used_bytes");
  }
}
