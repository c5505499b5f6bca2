package org.fedbridge.admin.auth;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.fedbridge.admin.AdminApplication;
import org.fedbridge.admin.AdminProperties;
import org.fedbridge.admin.TestConsole;
import org.fedbridge.testsupport.JavaProcess;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The first admin comes from a bootstrap token given once, in a file or an environment variable:
 * only its hash is stored, it never appears in the log, it is ignored once the console has
 * principals, and a token too weak to be one stops start-up with one line that does not echo it.
 */
@ExtendWith(OutputCaptureExtension.class)
class BootstrapAdminTest {

  private static ConfigurableApplicationContext start(Map<String, String> settings) {
    List<String> args = new ArrayList<>();
    args.add("--server.port=0");
    settings.forEach((k, v) -> args.add("--" + k + "=" + v));
    return new SpringApplicationBuilder(AdminApplication.class).run(args.toArray(String[]::new));
  }

  @Test
  void theTokenFromAFileEnrolsTheFirstAdminOnceAndIsNeverLogged(CapturedOutput output)
      throws Exception {
    Path dir = TestConsole.dir("bootstrap-file");
    String db = TestConsole.database("admin_bootstrap_file");
    Map<String, String> settings = TestConsole.settings(db, dir);
    try (ConfigurableApplicationContext console = start(settings)) {
      Principals principals = console.getBean(Principals.class);
      AdminPrincipal admin = principals.authenticate(TestConsole.BOOTSTRAP_TOKEN).orElseThrow();
      assertThat(admin.name()).isEqualTo("bootstrap");
      assertThat(admin.roles()).containsExactly(Role.ADMIN);
      assertThat(output.getAll()).contains("bootstrap admin enrolled with the token from the file");
    }
    try (var c = TestConsole.asOwner(db);
        var rs =
            c.createStatement()
                .executeQuery("SELECT encode(token_hash, 'escape') FROM admin.api_tokens")) {
      while (rs.next()) {
        assertThat(rs.getString(1)).doesNotContain(TestConsole.BOOTSTRAP_TOKEN);
      }
    }

    // A second start with another token: ignored, the first one still works.
    String other = "another-bootstrap-token-abcdefghijklmnopqrstuvwxyz";
    Files.writeString(Path.of(settings.get("bridge.admin.bootstrap-token-file")), other);
    try (ConfigurableApplicationContext console = start(settings)) {
      Principals principals = console.getBean(Principals.class);
      assertThat(principals.authenticate(other)).isEmpty();
      assertThat(principals.authenticate(TestConsole.BOOTSTRAP_TOKEN)).isPresent();
      assertThat(output.getAll()).contains("bootstrap token not used");
    }
    assertThat(output.getAll()).doesNotContain(TestConsole.BOOTSTRAP_TOKEN).doesNotContain(other);
  }

  @Test
  void theTokenCanComeFromTheEnvironmentInstead(CapturedOutput output) {
    Path dir = TestConsole.dir("bootstrap-env");
    Map<String, String> settings =
        new java.util.LinkedHashMap<>(
            TestConsole.settings(TestConsole.database("admin_bootstrap_env"), dir));
    settings.remove("bridge.admin.bootstrap-token-file");
    String token = "environment-bootstrap-token-0123456789abcdefghij";
    try (ConfigurableApplicationContext console = start(settings)) {
      Principals principals = console.getBean(Principals.class);
      assertThat(principals.anyPrincipal()).as("no token given: nobody is enrolled").isFalse();
      assertThat(output.getAll()).contains("the console has no principal");
      new BootstrapAdmin(
              principals,
              console.getBean(AdminProperties.class),
              Map.of("FEDBRIDGE_ADMIN_BOOTSTRAP_TOKEN", token))
          .run(null);
      assertThat(principals.authenticate(token).orElseThrow().name()).isEqualTo("bootstrap");
      assertThat(output.getAll()).contains("token from the environment");
    }
    assertThat(output.getAll()).doesNotContain(token);
  }

  @Test
  void aWeakTokenStopsStartUpWithOneLineThatDoesNotEchoIt() throws Exception {
    Path dir = TestConsole.dir("bootstrap-weak");
    Map<String, String> settings =
        new java.util.LinkedHashMap<>(
            TestConsole.settings(TestConsole.database("admin_bootstrap_weak"), dir));
    Path weak = dir.resolve("weak-token");
    Files.writeString(weak, "short-secret");
    settings.put("bridge.admin.bootstrap-token-file", weak.toString());
    settings.put("server.port", "0");
    List<String> args = new ArrayList<>();
    settings.forEach((k, v) -> args.add("--" + k + "=" + v));
    JavaProcess.Result result =
        JavaProcess.run(
            AdminApplication.class, Duration.ofSeconds(90), args.toArray(String[]::new));
    assertThat(result.exitCode()).as(result.stderr()).isEqualTo(1);
    assertThat(result.lastErrorLine())
        .startsWith(
            "admin-api: failed to start: invalid setting bridge.admin.bootstrap-token-file");
    assertThat(result.stdout() + result.stderr()).doesNotContain("short-secret");
  }
}
