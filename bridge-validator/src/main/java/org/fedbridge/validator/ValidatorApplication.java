package org.fedbridge.validator;

import org.fedbridge.service.ServiceLauncher;
import org.fedbridge.validator.dkg.DkgCommand;
import org.fedbridge.validator.keys.KeysCommand;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/**
 * A federation member: watches L1 and the sidechain, signs batches, exchanges partial signatures
 * over Kafka. {@code java -jar bridge-validator.jar keys ...} and {@code ... dkg ...} are operator
 * commands that run without the service (see the module README).
 */
@SpringBootApplication
@ConfigurationPropertiesScan
public class ValidatorApplication {
  public static void main(String[] args) {
    if (args.length > 0 && args[0].equals("keys")) {
      System.exit(KeysCommand.run(tail(args), System.getenv()));
    }
    if (args.length > 0 && args[0].equals("dkg")) {
      System.exit(DkgCommand.run(tail(args)));
    }
    ServiceLauncher.run(
        ValidatorApplication.class, "bridge-validator", ValidatorProperties.class, args);
  }

  private static String[] tail(String[] args) {
    return java.util.Arrays.copyOfRange(args, 1, args.length);
  }
}
