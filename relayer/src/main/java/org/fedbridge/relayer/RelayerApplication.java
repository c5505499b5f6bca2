package org.fedbridge.relayer;

import org.fedbridge.service.ServiceLauncher;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** User REST API (status, proofs, fees); submits withdrawal certificates to L1. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class RelayerApplication {
  public static void main(String[] args) {
    ServiceLauncher.run(RelayerApplication.class, "relayer", RelayerProperties.class, args);
  }
}
