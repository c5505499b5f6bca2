package org.fedbridge.sidechain;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.fedbridge.sidechain.testing.TestGenesis;
import org.fedbridge.testsupport.FreePorts;
import org.fedbridge.testsupport.JavaProcess;
import org.fedbridge.testsupport.TestKafka;
import org.fedbridge.testsupport.TestPostgres;
import org.junit.jupiter.api.Test;

/** What an operator sees when the service cannot start: one line, and a non-zero exit. */
class SidechainNodeApplicationStartupFailureTest {

  private static List<String> validArgs(String jdbcUrl) {
    TestPostgres pg = TestPostgres.shared();
    List<String> args = new ArrayList<>();
    args.add("--server.port=0");
    args.add("--spring.datasource.url=" + jdbcUrl);
    args.add("--spring.datasource.username=" + pg.username());
    args.add("--spring.datasource.password=" + pg.password());
    args.add("--bridge.sidechain.kafka.bootstrap-servers=" + TestKafka.shared().bootstrapServers());
    args.add("--bridge.sidechain.chain-id=1337");
    args.add("--bridge.sidechain.genesis=" + TestGenesis.sample());
    return args;
  }

  private static JavaProcess.Result start(List<String> args) {
    return JavaProcess.run(
        SidechainNodeApplication.class, Duration.ofSeconds(60), args.toArray(String[]::new));
  }

  @Test
  void invalidSettingExitsNonZeroWithOneLineNamingIt() {
    List<String> args = validArgs(TestPostgres.shared().jdbcUrl());
    args.add("--bridge.sidechain.chain-id=0");
    args.add("--bridge.sidechain.kafka.properties.sasl.jaas.config=s3cret-do-not-print");
    JavaProcess.Result result = start(args);
    assertThat(result.exitCode()).isEqualTo(1);
    assertThat(result.stdout() + result.stderr()).doesNotContain("s3cret-do-not-print");
    assertThat(result.lastErrorLine())
        .startsWith("sidechain-node: failed to start: invalid setting")
        .contains("bridge.sidechain.chain-id");
  }

  @Test
  void unreachableDatabaseExitsNonZeroWithOneLine() {
    int closedPort = FreePorts.next();
    JavaProcess.Result result =
        start(validArgs("jdbc:postgresql://127.0.0.1:" + closedPort + "/postgres"));
    assertThat(result.exitCode()).isEqualTo(1);
    assertThat(result.lastErrorLine())
        .startsWith("sidechain-node: failed to start: database unreachable")
        .contains(Integer.toString(closedPort));
  }

  @Test
  void missingGenesisExitsNonZeroWithOneLineNamingIt() {
    List<String> args = validArgs(TestPostgres.shared().jdbcUrl());
    args.removeIf(a -> a.startsWith("--bridge.sidechain.genesis="));
    JavaProcess.Result result = start(args);
    assertThat(result.exitCode()).isEqualTo(1);
    assertThat(result.lastErrorLine())
        .startsWith("sidechain-node: failed to start: invalid setting")
        .contains("bridge.sidechain.genesis");
  }

  @Test
  void invalidGenesisFileExitsNonZeroWithOneLineNamingTheField() throws Exception {
    Path bad = Files.createTempFile("genesis-", ".json");
    Files.writeString(
        bad,
        Files.readString(TestGenesis.sample()).replace("\"threshold\": 3", "\"threshold\": 1"));
    List<String> args = validArgs(TestPostgres.shared().jdbcUrl());
    args.removeIf(a -> a.startsWith("--bridge.sidechain.genesis="));
    args.add("--bridge.sidechain.genesis=" + bad);
    JavaProcess.Result result = start(args);
    assertThat(result.exitCode()).isEqualTo(1);
    assertThat(result.lastErrorLine())
        .startsWith("sidechain-node: failed to start: invalid genesis file")
        .contains("THRESHOLD_POLICY");
  }
}
