package org.fedbridge.sidechain;

import org.fedbridge.service.ServiceLauncher;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** The sidechain: a deterministic ledger replicated from a Kafka log, with Ethereum JSON-RPC. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class SidechainNodeApplication {
  public static void main(String[] args) {
    ServiceLauncher.run(
        SidechainNodeApplication.class, "sidechain-node", SidechainProperties.class, args);
  }
}
