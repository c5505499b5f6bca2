package org.fedbridge.validator;

import java.nio.file.Path;
import org.fedbridge.testsupport.RealInfrastructure;
import org.fedbridge.testsupport.service.ServiceHealthContract;
import org.fedbridge.validator.keys.TestKeys;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** Starts the whole service against real PostgreSQL and Kafka. */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    args = {
      "--bridge.validator.operator-id=op-1",
      "--bridge.validator.l1.rpc-url=http://127.0.0.1:1",
      "--bridge.validator.l1.chain-id=31337",
      "--bridge.validator.l1.vault=0x5FbDB2315678afecb367f032d93F642f64180aa3",
      "--bridge.validator.sidechain.rpc-url=http://127.0.0.1:1",
      "--bridge.validator.sidechain.chain-id=1337"
    })
class ValidatorApplicationTest extends ServiceHealthContract {
  static final Path KEYS = Path.of("target", "validator-application-test-keys").toAbsolutePath();

  @DynamicPropertySource
  static void infrastructure(DynamicPropertyRegistry registry) {
    RealInfrastructure.register(registry, "bridge.validator.kafka.bootstrap-servers");
    if (!KEYS.resolve("identity.json").toFile().exists()) {
      TestKeys.identity(KEYS, "op-1");
    }
    TestKeys.settings(KEYS).forEach((k, v) -> registry.add(k, () -> v));
  }

  @Override
  protected String schema() {
    return "validator";
  }

  @Override
  protected String firstTable() {
    return "consumer_offsets";
  }
}
