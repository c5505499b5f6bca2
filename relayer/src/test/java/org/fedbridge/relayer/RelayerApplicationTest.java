package org.fedbridge.relayer;

import org.fedbridge.testsupport.RealInfrastructure;
import org.fedbridge.testsupport.service.ServiceHealthContract;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** Starts the whole service against real PostgreSQL and Kafka. */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    args = {
      "--bridge.relayer.l1.rpc-url=http://127.0.0.1:8545",
      "--bridge.relayer.l1.chain-id=31337",
      "--bridge.relayer.vault=0x5FbDB2315678afecb367f032d93F642f64180aa3",
      "--bridge.relayer.sidechain.rpc-url=http://127.0.0.1:8645",
      "--bridge.relayer.sidechain.chain-id=1337"
    })
class RelayerApplicationTest extends ServiceHealthContract {

  @DynamicPropertySource
  static void infrastructure(DynamicPropertyRegistry registry) {
    RealInfrastructure.register(registry, "bridge.relayer.kafka.bootstrap-servers");
  }

  @Override
  protected String schema() {
    return "relayer";
  }

  @Override
  protected String firstTable() {
    return "consumer_offsets";
  }
}
