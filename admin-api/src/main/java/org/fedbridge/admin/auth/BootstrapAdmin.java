package org.fedbridge.admin.auth;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.fedbridge.admin.AdminProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.stereotype.Component;

/**
 * At the first start (no principal yet) the bootstrap token becomes the token of principal {@code
 * bootstrap} with ADMIN, who enrols the other admins. The token comes from {@code
 * bridge.admin.bootstrap-token-file} or else the environment variable named by {@code
 * bridge.admin.bootstrap-token-env}; only its hash is stored. SECURITY: the token is never logged,
 * and after the first start it is ignored.
 */
@Component
class BootstrapAdmin implements ApplicationRunner {
  private static final Logger log = LoggerFactory.getLogger(BootstrapAdmin.class);
  private final Principals principals;
  private final AdminProperties properties;
  private final Map<String, String> environment;

  @Autowired
  BootstrapAdmin(Principals principals, AdminProperties properties) {
    this(principals, properties, System.getenv());
  }

  BootstrapAdmin(Principals principals, AdminProperties properties, Map<String, String> env) {
    this.principals = principals;
    this.properties = properties;
    this.environment = env;
  }

  @Override
  public void run(ApplicationArguments args) {
    Path file = properties.bootstrapTokenFile();
    String env = properties.bootstrapTokenEnv();
    boolean given = file != null || environment.containsKey(env);
    if (principals.anyPrincipal()) {
      if (given) {
        log.info("bootstrap token not used: the console already has principals");
      }
      return;
    }
    if (!given) {
      log.warn(
          "the console has no principal: set bridge.admin.bootstrap-token-file or {} to enrol"
              + " the first admin",
          env);
      return;
    }
    String source = file != null ? "file" : "environment";
    String setting = file != null ? "bridge.admin.bootstrap-token-file" : env;
    String token = file != null ? read(file) : environment.get(env).trim();
    if (!TokenSecrets.wellFormed(token)) {
      throw new IllegalStateException(
          "invalid setting "
              + setting
              + ": the bootstrap token must be 32-512 printable characters without spaces");
    }
    if (principals.bootstrap(token, source)) {
      log.info("bootstrap admin enrolled with the token from the {}", source);
    }
  }

  private static String read(Path file) {
    try {
      return Files.readString(file, StandardCharsets.UTF_8).strip();
    } catch (IOException e) {
      throw new IllegalStateException(
          "invalid setting bridge.admin.bootstrap-token-file: cannot read " + file, e);
    }
  }
}
