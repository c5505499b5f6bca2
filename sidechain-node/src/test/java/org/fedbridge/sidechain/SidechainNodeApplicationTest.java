package org.fedbridge.sidechain;

import static org.assertj.core.api.Assertions.assertThat;

import org.fedbridge.sidechain.testing.TestGenesis;
import org.fedbridge.testsupport.RealInfrastructure;
import org.fedbridge.testsupport.service.ServiceHealthContract;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** Starts the whole node against real PostgreSQL and Kafka. */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    args = {"--bridge.sidechain.chain-id=1337"})
class SidechainNodeApplicationTest extends ServiceHealthContract {

  @DynamicPropertySource
  static void infrastructure(DynamicPropertyRegistry registry) {
    RealInfrastructure.register(registry, "bridge.sidechain.kafka.bootstrap-servers");
    registry.add("bridge.sidechain.genesis", () -> TestGenesis.sample().toString());
  }

  @Autowired JdbcTemplate jdbc;

  @Override
  protected String schema() {
    return "sidechain";
  }

  @Override
  protected String firstTable() {
    return "consumer_offsets";
  }

  @Test
  void readinessIncludesTheLedger() throws Exception {
    assertThat(get("/actuator/health/readiness"))
        .contains("\"status\":\"UP\"")
        .contains("\"ledger\"");
  }

  @Test
  void ledgerTablesExistAndHoldTheGenesisBlock() {
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
}
