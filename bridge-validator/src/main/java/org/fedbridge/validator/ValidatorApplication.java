package org.fedbridge.validator;

import org.fedbridge.service.ServiceLauncher;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/**
 * A federation member: watches L1 and the sidechain, signs batches, exchanges partial signatures
 * over Kafka.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
public class ValidatorApplication {
  public static void main(String[] args) {
    ServiceLauncher.run(
        ValidatorApplication.class, "bridge-validator", ValidatorProperties.class, args);
  }
}
