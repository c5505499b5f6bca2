package org.fedbridge.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Positive;
import java.sql.SQLException;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.BeanCreationException;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;

class StartupFailureTest {

  @ConfigurationProperties("bridge.sample")
  record SampleSettings(@Positive long chainId, @NotBlank String rpcUrl) {}

  private static StandardEnvironment environment(Map<String, Object> settings) {
    StandardEnvironment environment = new StandardEnvironment();
    environment.getPropertySources().addFirst(new MapPropertySource("test", settings));
    return environment;
  }

  @Test
  void invalidSettingIsNamedInKebabCaseWithoutItsValue() {
    StandardEnvironment env =
        environment(
            Map.of(
                "bridge.sample.chain-id", "0",
                "bridge.sample.rpc-url", "top-secret-value",
                "spring.datasource.url", "jdbc:postgresql://127.0.0.1/x"));
    assertThatThrownBy(() -> ServiceLauncher.validateSettings(env, SampleSettings.class))
        .satisfies(
            failure ->
                assertThat(StartupFailure.describe(failure))
                    .isEqualTo("invalid setting bridge.sample.chain-id: must be greater than 0")
                    .doesNotContain("top-secret-value"));
  }

  @Test
  void missingDatasourceUrlIsNamed() {
    StandardEnvironment env =
        environment(Map.of("bridge.sample.chain-id", "5", "bridge.sample.rpc-url", "http://x"));
    assertThatThrownBy(() -> ServiceLauncher.validateSettings(env, SampleSettings.class))
        .satisfies(
            failure ->
                assertThat(StartupFailure.describe(failure))
                    .startsWith("missing setting spring.datasource.url"));
  }

  @Test
  void validSettingsPass() {
    StandardEnvironment env =
        environment(
            Map.of(
                "bridge.sample.chain-id", "5",
                "bridge.sample.rpc-url", "http://x",
                "spring.datasource.url", "jdbc:postgresql://127.0.0.1/x"));
    ServiceLauncher.validateSettings(env, SampleSettings.class);
  }

  @Test
  void unreachableDatabaseIsReportedOnOneLine() {
    SQLException refused =
        new SQLException("Connection to 127.0.0.1:1 refused.\nCheck the host.", "08001");
    BeanCreationException failure =
        new BeanCreationException("flyway", "init failed", new IllegalStateException(refused));
    assertThat(StartupFailure.describe(failure))
        .isEqualTo("database unreachable: Connection to 127.0.0.1:1 refused. Check the host.");
  }

  @Test
  void camelCaseFieldPathsBecomeSettingNames() {
    assertThat(StartupFailure.kebab("l1.rpcUrl")).isEqualTo("l1.rpc-url");
    assertThat(StartupFailure.kebab("kafka.bootstrapServers")).isEqualTo("kafka.bootstrap-servers");
  }
}
