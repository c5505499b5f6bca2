package org.fedbridge.admin;

import org.fedbridge.testsupport.RealInfrastructure;
import org.fedbridge.testsupport.service.ServiceHealthContract;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Starts the whole service against real PostgreSQL and Kafka, as on a laptop: one database role
 * both migrates and runs the service.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class AdminApplicationTest extends ServiceHealthContract {

  @DynamicPropertySource
  static void infrastructure(DynamicPropertyRegistry registry) {
    RealInfrastructure.register(registry, "bridge.admin.kafka.bootstrap-servers");
    TestConsole.register(registry, TestConsole.requiredSettings(TestConsole.dir("health")));
  }

  @Override
  protected String schema() {
    return "admin";
  }

  @Override
  protected String firstTable() {
    return "consumer_offsets";
  }
}
