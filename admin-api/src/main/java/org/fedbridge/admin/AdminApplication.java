package org.fedbridge.admin;

import org.fedbridge.service.ServiceLauncher;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** Admin REST console: validator sets and epochs, approvals, limits, tokens, pause, audit log. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class AdminApplication {
  public static void main(String[] args) {
    ServiceLauncher.run(AdminApplication.class, "admin-api", AdminProperties.class, args);
  }
}
