package org.fedbridge.validator.consensus;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.fedbridge.testsupport.JavaProcess;
import org.fedbridge.testsupport.TestKafka;
import org.fedbridge.testsupport.TestPostgres;
import org.fedbridge.validator.ValidatorApplication;
import org.junit.jupiter.api.Test;

/** A bad consensus setting stops start-up with one line naming it, before anything connects. */
class ConsensusSettingsTest {

  @Test
  void zeroPollTimeoutIsRefusedWithOneLineNamingTheSetting() {
    TestPostgres pg = TestPostgres.shared();
    JavaProcess.Result r =
        JavaProcess.run(
            ValidatorApplication.class,
            Duration.ofSeconds(60),
            "--server.port=0",
            "--spring.datasource.url=" + pg.jdbcUrl(),
            "--spring.datasource.username=" + pg.username(),
            "--spring.datasource.password=" + pg.password(),
            "--bridge.validator.kafka.bootstrap-servers=" + TestKafka.shared().bootstrapServers(),
            "--bridge.validator.operator-id=op-1",
            "--bridge.validator.l1.rpc-url=http://127.0.0.1:1",
            "--bridge.validator.l1.chain-id=31337",
            "--bridge.validator.l1.vault=0x5FbDB2315678afecb367f032d93F642f64180aa3",
            "--bridge.validator.sidechain.rpc-url=http://127.0.0.1:1",
            "--bridge.validator.sidechain.chain-id=1337",
            "--bridge.validator.consensus.poll-timeout=0s");
    assertThat(r.exitCode()).as(r.stderr()).isEqualTo(1);
    assertThat(r.lastErrorLine())
        .startsWith("bridge-validator: failed to start: invalid setting")
        .contains("bridge.validator.consensus.poll-timeout");
  }
}
