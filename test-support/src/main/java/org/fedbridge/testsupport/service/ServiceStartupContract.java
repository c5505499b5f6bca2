package org.fedbridge.testsupport.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.fedbridge.testsupport.FreePorts;
import org.fedbridge.testsupport.JavaProcess;
import org.fedbridge.testsupport.TestKafka;
import org.fedbridge.testsupport.TestPostgres;
import org.junit.jupiter.api.Test;

/**
 * What an operator sees when a service cannot start: one line naming the problem on stderr, exit
 * status 1, and no setting's value echoed. Each case starts the service's real main class in its
 * own JVM against real PostgreSQL and Kafka, with exactly one thing wrong.
 */
public abstract class ServiceStartupContract {
  private static final String SECRET = "s3cret-do-not-print";

  protected abstract Class<?> mainClass();

  /** The name the service prints first, e.g. {@code relayer}. */
  protected abstract String serviceName();

  /** The settings prefix of the service's record, e.g. {@code bridge.relayer}. */
  protected abstract String prefix();

  /** Settings besides the datasource and Kafka that the service needs to start. */
  protected abstract Map<String, String> requiredSettings();

  /** One setting and a value for it that the service must refuse. */
  protected abstract Map.Entry<String, String> invalidSetting();

  /** Settings that start the service against the given database (mutable copy). */
  protected Map<String, String> validSettings(String jdbcUrl) {
    TestPostgres pg = TestPostgres.shared();
    Map<String, String> settings = new LinkedHashMap<>();
    settings.put("server.port", "0");
    settings.put("spring.datasource.url", jdbcUrl);
    settings.put("spring.datasource.username", pg.username());
    settings.put("spring.datasource.password", pg.password());
    settings.put(prefix() + ".kafka.bootstrap-servers", TestKafka.shared().bootstrapServers());
    settings.putAll(requiredSettings());
    return settings;
  }

  /** Runs the service's main class with these settings in a child JVM until it exits. */
  protected JavaProcess.Result start(Map<String, String> settings) {
    List<String> args = new ArrayList<>();
    settings.forEach((key, value) -> args.add("--" + key + "=" + value));
    return JavaProcess.run(mainClass(), Duration.ofSeconds(60), args.toArray(String[]::new));
  }

  /** Exit status 1, no secret echoed, and a last line giving {@code reason} and naming a thing. */
  protected void assertRefused(JavaProcess.Result result, String reason, String mentioned) {
    assertThat(result.exitCode()).as(result.stderr()).isEqualTo(1);
    assertThat(result.stdout() + result.stderr()).doesNotContain(SECRET);
    assertThat(result.lastErrorLine())
        .startsWith(serviceName() + ": failed to start: " + reason)
        .contains(mentioned);
  }

  @Test
  void invalidSettingExitsNonZeroWithOneLineNamingIt() {
    Map<String, String> settings = validSettings(TestPostgres.shared().jdbcUrl());
    settings.put(invalidSetting().getKey(), invalidSetting().getValue());
    settings.put(prefix() + ".kafka.properties.sasl.jaas.config", SECRET);
    assertRefused(start(settings), "invalid setting", invalidSetting().getKey());
  }

  @Test
  void missingKafkaSettingExitsNonZeroWithOneLineNamingIt() {
    Map<String, String> settings = validSettings(TestPostgres.shared().jdbcUrl());
    settings.remove(prefix() + ".kafka.bootstrap-servers");
    settings.put(prefix() + ".kafka.properties.sasl.jaas.config", SECRET);
    assertRefused(start(settings), "invalid setting", prefix() + ".kafka");
  }

  @Test
  void unreachableDatabaseExitsNonZeroWithOneLine() {
    int closedPort = FreePorts.next();
    Map<String, String> settings =
        validSettings("jdbc:postgresql://127.0.0.1:" + closedPort + "/postgres");
    settings.put("spring.datasource.password", SECRET);
    assertRefused(start(settings), "database unreachable", Integer.toString(closedPort));
  }
}
