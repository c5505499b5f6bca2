package org.fedbridge.sidechain.replication;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.math.BigInteger;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.fedbridge.core.types.Address;
import org.fedbridge.core.types.UInt256;
import org.fedbridge.sidechain.genesis.Genesis;
import org.fedbridge.sidechain.genesis.TokenAddresses;
import org.fedbridge.sidechain.ledger.LogRecords;
import org.fedbridge.sidechain.ledger.StateReader;
import org.fedbridge.sidechain.testing.ReplicaHarness;
import org.fedbridge.sidechain.testing.TestFederation;
import org.fedbridge.sidechain.testing.TestGenesis;
import org.fedbridge.sidechain.testing.TestGovernance;
import org.junit.jupiter.api.Test;

/**
 * A token registered after genesis survives a restart (the replica reloads it from its database,
 * with the state root checked) and a replay from an empty database (the log alone rebuilds it):
 * real Kafka and PostgreSQL. Deposits of it mint after the restart too.
 */
class TokenRegistryRestartTest {
  static final long CHAIN = 7011;
  static final TestGovernance GOVERNANCE = TestGovernance.of("restart", CHAIN);
  static final TestFederation FEDERATION = TestFederation.epoch0();
  static final Address L1 = Address.fromHex("0x00000000000000000000000000000000000000e6");
  static final Address TOKEN = TokenAddresses.sidechainToken(L1);
  static final Address ALICE = Address.fromHex("0x00000000000000000000000000000000000a11ce");

  private static byte[] mint(long nonce, long amount) {
    return LogRecords.depositCertificate(
        FEDERATION.deposits(
            CHAIN,
            nonce,
            List.of(TestFederation.deposit(nonce, L1, ALICE, BigInteger.valueOf(amount)))));
  }

  private static boolean holds(ReplicaHarness r, long amount) {
    StateReader st = r.replica().ledger().state();
    return st.tokenBalance(TOKEN, ALICE).equals(UInt256.of(amount));
  }

  @Test
  void theRegistrySurvivesARestartAndAReplay() {
    Genesis genesis = GOVERNANCE.genesis(TestGenesis.json(CHAIN, FEDERATION, Map.of(), "0"));
    String topic = "sidechain.txs.tokens." + UUID.randomUUID();
    ReplicaHarness.createTopic(topic);
    try (TransactionLog log = new TransactionLog(ReplicaHarness.kafka(), topic);
        ReplicaHarness a = ReplicaHarness.create("token_restart_a", genesis, topic, 100);
        ReplicaHarness b = ReplicaHarness.create("token_restart_b", genesis, topic, 100)) {
      a.start();
      log.append(
          LogRecords.tokenConfigCertificate(
              GOVERNANCE.registration(
                  FEDERATION, TestGovernance.config(1, L1, true, 1_000_000), "RST", 8)));
      log.append(mint(1, 40));
      log.append(LogRecords.tick());
      await().atMost(Duration.ofSeconds(30)).until(() -> holds(a, 40));

      a.kill();
      a.start(); // restored from its database: the registry is in the stored state
      StateReader restored = a.replica().ledger().state();
      assertThat(restored.tokens()).hasSize(2);
      assertThat(restored.tokens().get(1).token().symbol()).isEqualTo("RST");
      assertThat(restored.isContract(TOKEN)).isTrue();
      assertThat(restored.tokenBalance(TOKEN, ALICE)).isEqualTo(UInt256.of(40));
      log.append(mint(2, 2));
      log.append(LogRecords.tick());
      await().atMost(Duration.ofSeconds(30)).until(() -> holds(a, 42));

      b.start(); // a new replica replays the whole log
      await().atMost(Duration.ofSeconds(30)).until(() -> b.storedOffset() == a.storedOffset());
      assertThat(b.replica().ledger().head().hash()).isEqualTo(a.replica().ledger().head().hash());
      assertThat(b.replica().ledger().stateRoot()).isEqualTo(a.replica().ledger().stateRoot());
      assertThat(b.replica().ledger().state().tokens())
          .isEqualTo(a.replica().ledger().state().tokens());
    }
  }
}
