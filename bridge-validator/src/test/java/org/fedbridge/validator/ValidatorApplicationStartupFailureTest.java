package org.fedbridge.validator;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.fedbridge.testsupport.FreePorts;
import org.fedbridge.testsupport.JavaProcess;
import org.fedbridge.testsupport.TestKafka;
import org.fedbridge.testsupport.TestPostgres;
import org.junit.jupiter.api.Test;

/** What an operator sees when the service cannot start: one line, and a non-zero exit. */
class ValidatorApplicationStartupFailureTest {

  private static List<String> validArgs(String jdbcUrl, boolean leaveOut) {
    TestPostgres pg = TestPostgres.shared();
    List<String> args = new ArrayList<>();
    args.add("--server.port=0");
    args.add("--spring.datasource.url=" + jdbcUrl);
    args.add("--spring.datasource.username=" + pg.username());
    args.add("--spring.datasource.password=" + pg.password());
    args.add("--bridge.validator.kafka.bootstrap-servers=" + TestKafka.shared().bootstrapServers());
    args.add("--bridge.validator.operator-id=op-1");
    args.add("--bridge.validator.l1.rpc-url=http://127.0.0.1:8545");
    if (!leaveOut) {
      args.add("--bridge.validator.l1.chain-id=31337");
    }
    args.add("--bridge.validator.sidechain.rpc-url=http://127.0.0.1:8645");
    args.add("--bridge.validator.sidechain.chain-id=1337");
    args.add("--bridge.validator.l1.vault=0x5FbDB2315678afecb367f032d93F642f64180aa3");
    return args;
  }

  private static JavaProcess.Result start(List<String> args) {
    return JavaProcess.run(
        ValidatorApplication.class, Duration.ofSeconds(60), args.toArray(String[]::new));
  }

  @Test
  void invalidSettingExitsNonZeroWithOneLineNamingIt() {
    List<String> args = validArgs(TestPostgres.shared().jdbcUrl(), true);
    args.add("--bridge.validator.l1.chain-id=-5");
    args.add("--bridge.validator.kafka.properties.sasl.jaas.config=s3cret-do-not-print");
    JavaProcess.Result result = start(args);
    assertThat(result.exitCode()).isEqualTo(1);
    assertThat(result.stdout() + result.stderr()).doesNotContain("s3cret-do-not-print");
    assertThat(result.lastErrorLine())
        .startsWith("bridge-validator: failed to start: invalid setting")
        .contains("bridge.validator.l1.chain-id");
  }

  @Test
  void unreachableDatabaseExitsNonZeroWithOneLine() {
    int closedPort = FreePorts.next();
    JavaProcess.Result result =
        start(validArgs("jdbc:postgresql://127.0.0.1:" + closedPort + "/postgres", false));
    assertThat(result.exitCode()).isEqualTo(1);
    assertThat(result.lastErrorLine())
        .startsWith("bridge-validator: failed to start: database unreachable")
        .contains(Integer.toString(closedPort));
  }
}
