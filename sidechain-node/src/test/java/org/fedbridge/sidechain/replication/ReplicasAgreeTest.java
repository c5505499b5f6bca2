package org.fedbridge.sidechain.replication;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.fedbridge.core.types.Address;
import org.fedbridge.core.types.Hex;
import org.fedbridge.core.types.UInt256;
import org.fedbridge.sidechain.genesis.Genesis;
import org.fedbridge.sidechain.genesis.TokenAddresses;
import org.fedbridge.sidechain.ledger.Ledger;
import org.fedbridge.sidechain.ledger.StateReader;
import org.fedbridge.sidechain.testing.Abis;
import org.fedbridge.sidechain.testing.LedgerHarness;
import org.fedbridge.sidechain.testing.RandomTraffic;
import org.fedbridge.sidechain.testing.ReplicaHarness;
import org.fedbridge.sidechain.testing.TestAccounts;
import org.fedbridge.sidechain.testing.TestGenesis;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Replicas on one real Kafka log with their own real PostgreSQL databases build the same chain: one
 * runs throughout, one is killed mid-stream and restarted, one starts later from an empty database.
 * Transactions are signed up front and produced straight into the log (admission is not what this
 * tests). Every replica keeps a history window, and every read of every block inside it (also on
 * the replica restarted at the end, whose window comes from its database) equals what an
 * independent in-memory replay of the same log read at that block.
 */
class ReplicasAgreeTest {
  static final long CHAIN = 7001;
  static final Address TOKEN = TokenAddresses.sidechainToken(TestGenesis.L1_TOKEN);
  static final int TRANSACTIONS = 10_000;
  static final int WINDOW = 64;

  @Test
  void tenThousandRandomTransactionsGiveIdenticalBlocksAndStateRootsOnEveryReplica() {
    List<TestAccounts.Account> accounts = TestAccounts.many("agree", 50);
    Genesis genesis = TestGenesis.of(CHAIN, accounts, "0");
    String topic = "sidechain.txs.agree." + UUID.randomUUID();
    ReplicaHarness.createTopic(topic);
    RandomTraffic traffic = new RandomTraffic(CHAIN, accounts, 42);
    List<byte[]> first = new ArrayList<>();
    first.add(traffic.mintAll(1));
    first.add(traffic.mintAll(1)); // a duplicate certificate: a no-op
    first.addAll(traffic.next(5_000));
    List<byte[]> rest = new ArrayList<>();
    while (traffic.transactions() < TRANSACTIONS) {
      rest.addAll(traffic.next(Math.min(1000, TRANSACTIONS - traffic.transactions())));
    }
    rest.add(org.fedbridge.sidechain.ledger.LogRecords.tick()); // cut the last block
    long total = first.size() + rest.size();

    try (TransactionLog log = new TransactionLog(ReplicaHarness.kafka(), topic);
        ReplicaHarness a = ReplicaHarness.create("agree_a", genesis, topic, 100, WINDOW);
        ReplicaHarness b = ReplicaHarness.create("agree_b", genesis, topic, 100, WINDOW);
        ReplicaHarness c = ReplicaHarness.create("agree_c", genesis, topic, 100, WINDOW)) {
      first.forEach(log::append);
      log.flush();
      a.start();
      b.start();
      await().atMost(Duration.ofSeconds(60)).until(() -> b.storedOffset() >= 2_000);
      b.kill(); // mid-stream: whatever it had not stored is gone
      long killedAt = b.storedOffset();
      assertThat(killedAt).isLessThan(total);
      rest.forEach(log::append);
      log.flush();
      b.start();
      await().atMost(Duration.ofSeconds(120)).until(() -> a.storedOffset() == total);
      await().atMost(Duration.ofSeconds(120)).until(() -> b.storedOffset() == total);
      c.start(); // a new replica with an empty database replays the whole log
      await().atMost(Duration.ofSeconds(120)).until(() -> c.storedOffset() == total);

      List<String> chainA = chain(a);
      assertThat(chainA.size()).isGreaterThan(TRANSACTIONS / 100);
      assertThat(chain(b)).isEqualTo(chainA);
      assertThat(chain(c)).isEqualTo(chainA);
      assertThat(a.replica().ledger().stateRoot())
          .isEqualTo(b.replica().ledger().stateRoot())
          .isEqualTo(c.replica().ledger().stateRoot())
          .isEqualTo(a.replica().ledger().head().stateRoot());
      Integer included =
          new JdbcTemplate(a.dataSource())
              .queryForObject("SELECT count(*) FROM transactions", Integer.class);
      // every valid transaction and the one new certificate; invalid ones never enter a block
      assertThat(included).isBetween(TRANSACTIONS * 95 / 100, TRANSACTIONS + 1);

      // Historical reads: the truth from an in-memory replay, block by block.
      List<Map<Address, Reading>> truth = replay(genesis, first, rest, accounts);
      b.kill();
      b.start(); // its window now comes from its database
      long head = a.replica().ledger().head().number();
      assertThat(truth).hasSize((int) head + 1);
      for (ReplicaHarness r : List.of(a, b, c)) {
        Ledger l = r.replica().ledger();
        assertThat(l.head().number()).isEqualTo(head);
        assertThat(l.oldestReadableBlock()).isEqualTo(head - WINDOW);
        assertThat(l.stateAt(head - WINDOW - 1)).isEmpty();
        for (long n = head - WINDOW; n <= head; n++) {
          StateReader at = l.stateAt(n).orElseThrow();
          assertThat(readings(at, accounts)).as("block %d", n).isEqualTo(truth.get((int) n));
        }
      }
    }
  }

  /** What one account reads as at one block (the token balance through a balanceOf call). */
  record Reading(long nonce, UInt256 balance, UInt256 tokens, String balanceOfCall) {}

  private static Map<Address, Reading> readings(
      StateReader s, List<TestAccounts.Account> accounts) {
    Map<Address, Reading> out = new LinkedHashMap<>();
    for (TestAccounts.Account acc : accounts) {
      Address a = acc.address();
      out.put(
          a,
          new Reading(
              s.nonce(a),
              s.balance(a),
              s.tokenBalance(TOKEN, a),
              Hex.encode(s.call(a, TOKEN, UInt256.ZERO, Abis.balanceOf(a)).returnData())));
    }
    return out;
  }

  /** Replays the same records in memory and reads every account after every block. */
  private static List<Map<Address, Reading>> replay(
      Genesis genesis, List<byte[]> first, List<byte[]> rest, List<TestAccounts.Account> accounts) {
    LedgerHarness h = new LedgerHarness(genesis, 100);
    List<Map<Address, Reading>> truth = new ArrayList<>();
    truth.add(readings(h.ledger().state(), accounts));
    List<byte[]> all = new ArrayList<>(first);
    all.addAll(rest);
    for (byte[] record : all) {
      if (h.apply(record).isPresent()) {
        truth.add(readings(h.ledger().state(), accounts));
      }
    }
    return truth;
  }

  private static List<String> chain(ReplicaHarness r) {
    return new JdbcTemplate(r.dataSource())
        .query(
            "SELECT number, hash, state_root, withdrawal_root FROM blocks ORDER BY number",
            (rs, i) ->
                rs.getLong(1)
                    + " "
                    + Hex.encode(rs.getBytes(2))
                    + " "
                    + Hex.encode(rs.getBytes(3))
                    + " "
                    + Hex.encode(rs.getBytes(4)));
  }
}
