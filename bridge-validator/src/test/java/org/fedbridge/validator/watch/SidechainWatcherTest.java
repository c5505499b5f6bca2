package org.fedbridge.validator.watch;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigInteger;
import java.util.List;
import java.util.function.UnaryOperator;
import org.fedbridge.core.message.MessageType;
import org.fedbridge.core.message.Withdrawal;
import org.fedbridge.core.message.WithdrawalBatch;
import org.fedbridge.core.types.Address;
import org.fedbridge.core.types.UInt256;
import org.fedbridge.validator.ValidatorProperties.Finality;
import org.fedbridge.validator.batch.Chain;
import org.fedbridge.validator.batch.ObservedBatch;
import org.fedbridge.validator.testing.L1Chain;
import org.fedbridge.validator.testing.MutableClock;
import org.fedbridge.validator.testing.RecordingPublisher;
import org.fedbridge.validator.testing.SidechainReplica;
import org.fedbridge.validator.testing.TamperingProxy;
import org.fedbridge.validator.testing.TestDatabase;
import org.fedbridge.validator.testing.TestFederation;
import org.fedbridge.validator.testing.ValidatorUnderTest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The sidechain watcher against a real replica (the sidechain-node jar on real Kafka and
 * PostgreSQL): one batch per block holding withdrawals, the root recomputed with bridge-core; and a
 * hostile replica whose answers do not add up halts signing.
 */
class SidechainWatcherTest {
  private static final TestFederation FEDERATION = TestFederation.create(13, 3, 4);
  private static final Address RECIPIENT =
      Address.fromHex("0x00000000000000000000000000000000000000c1");
  private static SidechainReplica replica;
  private static L1Chain l1;
  private ValidatorUnderTest v;
  private TamperingProxy proxy;

  @BeforeAll
  static void chains() throws Exception {
    replica = SidechainReplica.shared();
    l1 = new L1Chain(FEDERATION, List.of(L1Chain.generousEth()));
  }

  @AfterAll
  static void stopL1() {
    l1.close();
  }

  @AfterEach
  void stop() {
    if (v != null) {
      v.close();
    }
    if (proxy != null) {
      proxy.close();
    }
  }

  private ValidatorUnderTest validator(String sidechainUrl) throws Exception {
    return new ValidatorUnderTest(
        TestDatabase.fresh("validator_sidechain_watch"),
        l1,
        ValidatorUnderTest.properties(
            l1, sidechainUrl, replica.head() + 1, Finality.FINALIZED, 0, 256),
        FEDERATION,
        1,
        MutableClock.at("2026-02-01T00:00:00Z"),
        new RecordingPublisher());
  }

  private static BigInteger milli(long n) {
    return BigInteger.TEN.pow(15).multiply(BigInteger.valueOf(n));
  }

  @Test
  void withdrawalsOfEachBlockBecomeABatchWithTheRootRecomputed() throws Exception {
    v = validator(replica.url());
    List<Long> blocks = replica.withdrawEth(0, RECIPIENT, List.of(milli(1), milli(2), milli(3)));
    v.pollSidechain();

    assertThat(v.watch.status().sidechainCursor()).isGreaterThanOrEqualTo(blocks.get(2));
    assertThat(v.watch.status().haltReason()).isEmpty();
    List<Withdrawal> all =
        blocks.stream()
            .distinct()
            .flatMap(
                b ->
                    ((ObservedBatch.Withdrawals)
                            v.store
                                .batches()
                                .find(MessageType.WITHDRAWAL_BATCH, UInt256.of(b))
                                .orElseThrow())
                        .withdrawals().stream())
            .toList();
    assertThat(all)
        .extracting(Withdrawal::amount)
        .containsExactly(new UInt256(milli(1)), new UInt256(milli(2)), new UInt256(milli(3)));
    assertThat(all).extracting(Withdrawal::l1Recipient).containsOnly(RECIPIENT);
    assertThat(all).extracting(Withdrawal::l1Token).containsOnly(Address.ZERO);
    // nonces are consecutive
    BigInteger first = all.get(0).nonce().value();
    assertThat(all)
        .extracting(w -> w.nonce().value().subtract(first).intValueExact())
        .containsExactly(0, 1, 2);
    // the batch is what the replica commits to in its block header
    long b = blocks.get(0);
    ObservedBatch batch =
        v.store.batches().find(MessageType.WITHDRAWAL_BATCH, UInt256.of(b)).orElseThrow();
    assertThat(((WithdrawalBatch) batch.message()).withdrawalRoot().toHex())
        .isEqualTo(replica.withdrawalRoot(b));

    // a restart resumes after the cursor: nothing stored twice
    long cursor = v.watch.status().sidechainCursor();
    v = v.restart();
    v.pollSidechain();
    assertThat(v.store.observations().cursor(Chain.SIDECHAIN).orElseThrow().number())
        .isGreaterThanOrEqualTo(cursor);
    assertThat(
            new JdbcTemplate(v.dataSource)
                .queryForObject("SELECT count(*) FROM withdrawals", Integer.class))
        .isEqualTo(3);
  }

  @Test
  void replicaListingAnotherAmountThanItsRootHaltsSigningExploit() throws Exception {
    assertTamperingHalts(
        result -> {
          ObjectNode w = (ObjectNode) result.get("withdrawals").get(0);
          w.put("amount", milli(900).toString()); // leaf and root left as they were
          return result;
        },
        "leaf of withdrawal");
  }

  @Test
  void replicaWhoseLeavesDoNotGiveItsRootHaltsSigningExploit() throws Exception {
    assertTamperingHalts(
        result -> {
          ObjectNode w = (ObjectNode) result.get("withdrawals").get(0);
          w.put("l1Recipient", "0x00000000000000000000000000000000000000ee");
          Withdrawal forged =
              new Withdrawal(
                  UInt256.parse(w.get("nonce").asText()),
                  Address.ZERO,
                  Address.fromHex(w.get("sender").asText()),
                  Address.fromHex("0x00000000000000000000000000000000000000ee"),
                  UInt256.parse(w.get("amount").asText()));
          w.put("leaf", forged.leaf().toHex()); // consistent leaf, but the root is the real one
          return result;
        },
        "withdrawal root mismatch");
  }

  @Test
  void replicaHidingAWithdrawalHaltsSigningExploit() throws Exception {
    assertTamperingHalts(
        result -> {
          ((com.fasterxml.jackson.databind.node.ArrayNode) result.get("withdrawals")).remove(0);
          return result;
        },
        "count mismatch");
  }

  private void assertTamperingHalts(UnaryOperator<JsonNode> lie, String reason) throws Exception {
    proxy = new TamperingProxy(replica.url(), "bridge_getWithdrawalRoot");
    v = validator(proxy.url());
    proxy.tamper(lie);
    long block = replica.withdrawEth(1, RECIPIENT, milli(5));
    v.pollSidechain();

    assertThat(v.watch.status().haltReason())
        .hasValueSatisfying(r -> assertThat(r).startsWith("sidechain").contains(reason));
    assertThat(v.store.batches().find(MessageType.WITHDRAWAL_BATCH, UInt256.of(block))).isEmpty();
    assertThat(v.watch.status().sidechainCursor()).isLessThan(block);
    assertThat(v.sign().idle()).isPresent();
    assertThat(v.publisher.published()).isEmpty();
  }
}
