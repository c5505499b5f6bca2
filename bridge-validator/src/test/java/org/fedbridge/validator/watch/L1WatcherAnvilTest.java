package org.fedbridge.validator.watch;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import java.util.List;
import java.util.Optional;
import org.fedbridge.core.message.Deposit;
import org.fedbridge.core.message.DepositBatch;
import org.fedbridge.core.message.MessageType;
import org.fedbridge.core.types.Address;
import org.fedbridge.core.types.UInt256;
import org.fedbridge.validator.ValidatorProperties.Finality;
import org.fedbridge.validator.batch.ObservedBatch;
import org.fedbridge.validator.signing.SignedPartial;
import org.fedbridge.validator.signing.SigningLoop;
import org.fedbridge.validator.testing.L1Chain;
import org.fedbridge.validator.testing.MutableClock;
import org.fedbridge.validator.testing.RecordingPublisher;
import org.fedbridge.validator.testing.TestDatabase;
import org.fedbridge.validator.testing.TestFederation;
import org.fedbridge.validator.testing.ValidatorUnderTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The L1 watcher against a real anvil and a real vault: safe blocks only, batches in log order,
 * signing, and the finality rules. (Reorgs: {@link L1ReorgExploitTest}.)
 */
class L1WatcherAnvilTest {
  static final TestFederation FEDERATION = TestFederation.create(11, 3, 4);
  static final String NO_SIDECHAIN = "http://127.0.0.1:1";

  private L1Chain l1;
  private ValidatorUnderTest v;

  @AfterEach
  void stop() {
    if (v != null) {
      v.close();
    }
    if (l1 != null) {
      l1.close();
    }
  }

  private ValidatorUnderTest validator(Finality finality, int confirmations, int maxBlocks) {
    return new ValidatorUnderTest(
        TestDatabase.fresh("validator_l1_watch"),
        l1,
        ValidatorUnderTest.properties(l1, NO_SIDECHAIN, 1, finality, confirmations, maxBlocks),
        FEDERATION,
        2,
        MutableClock.at("2026-02-01T00:00:00Z"),
        new RecordingPublisher());
  }

  @Test
  void depositsOfSafeBlocksBecomeOneBatchPerBlockInLogOrderAndAreSigned() throws Exception {
    l1 = new L1Chain(FEDERATION, List.of(L1Chain.generousEth()));
    v = validator(Finality.AUTO, 12, 256);
    long single = l1.depositEth(L1Chain.ether(1)).getBlockNumber().longValueExact();
    long triple = l1.depositsInOneBlock(3, L1Chain.ether(2));

    v.pollL1();
    assertThat(v.store.batches().find(MessageType.DEPOSIT_BATCH, UInt256.of(triple)))
        .as("not safe yet")
        .isEmpty();
    assertThat(v.sign().signed()).isZero();

    l1.finalizeBlock(triple);
    v.pollL1();
    // AUTO found anvil's finalized tag
    assertThat(v.watch.status().l1SafeHead()).isEqualTo(l1.finalized());
    assertThat(v.watch.status().l1Cursor()).isEqualTo(l1.finalized());
    ObservedBatch.Deposits one =
        (ObservedBatch.Deposits)
            v.store.batches().find(MessageType.DEPOSIT_BATCH, UInt256.of(single)).orElseThrow();
    ObservedBatch.Deposits three =
        (ObservedBatch.Deposits)
            v.store.batches().find(MessageType.DEPOSIT_BATCH, UInt256.of(triple)).orElseThrow();
    assertThat(one.deposits()).extracting(Deposit::nonce).containsExactly(UInt256.ONE);
    assertThat(three.deposits())
        .extracting(Deposit::nonce)
        .containsExactly(UInt256.of(2), UInt256.of(3), UInt256.of(4));
    Deposit d = three.deposits().get(0);
    assertThat(d.token()).isEqualTo(Address.ZERO);
    assertThat(d.sender()).isEqualTo(Address.fromHex(l1.user.getAddress()));
    assertThat(d.amount()).isEqualTo(new UInt256(L1Chain.ether(2)));
    assertThat(one.blockHash()).isEqualTo(l1.hashOf(single));

    SigningLoop.Round round = v.sign();
    assertThat(round.signed()).isEqualTo(2);
    List<SignedPartial> partials = v.publisher.published(MessageType.DEPOSIT_BATCH);
    assertThat(partials)
        .extracting(p -> p.batchId().value().longValueExact())
        .containsExactly(single, triple);
    SignedPartial p = partials.get(1);
    assertThat(p.digest())
        .isEqualTo(DepositBatch.of(UInt256.of(triple), three.deposits()).digest(l1.domain()));
    assertThat(p.partial().index()).isEqualTo(2);
    assertThat(FEDERATION.epoch(l1.domain(), 2).verifier().verifyPartial(p.digest(), p.partial()))
        .isTrue();
    assertThat(v.counter("fedbridge.validator.batches.signed", "type", "deposit_batch"))
        .isEqualTo(2);
    // nothing left to sign, nothing signed twice
    assertThat(v.sign().signed()).isZero();
    assertThat(v.publisher.published()).hasSize(2);
  }

  @Test
  void confirmationsRuleWhenConfigured() throws Exception {
    l1 = new L1Chain(FEDERATION, List.of(L1Chain.generousEth()));
    v = validator(Finality.CONFIRMATIONS, 3, 256);
    long block = l1.depositEth(L1Chain.ether(1)).getBlockNumber().longValueExact();
    l1.mine(2);
    v.pollL1();
    assertThat(v.watch.status().l1SafeHead()).isEqualTo(l1.head() - 3);
    assertThat(v.store.batches().find(MessageType.DEPOSIT_BATCH, UInt256.of(block))).isEmpty();
    l1.mine(1);
    v.pollL1();
    assertThat(v.store.batches().find(MessageType.DEPOSIT_BATCH, UInt256.of(block))).isPresent();
  }

  @Test
  void restartResumesAtTheCursorWithNothingLostOrDoubled() throws Exception {
    l1 = new L1Chain(FEDERATION, List.of(L1Chain.generousEth()));
    v = validator(Finality.FINALIZED, 0, 2);
    for (int i = 0; i < 5; i++) {
      l1.depositEth(L1Chain.ether(1 + i));
      l1.mine(1); // a block without deposits between deposit blocks
    }
    l1.depositsInOneBlock(3, L1Chain.ether(7));
    l1.finalizeBlock(l1.head());
    long safe = l1.finalized();

    // two blocks per poll, a restart after every poll, a signing round in between
    int restarts = 0;
    long reached = -1;
    while (reached < safe && restarts < 40) {
      v.pollL1();
      v.sign();
      long cursor = v.watch.status().l1Cursor();
      assertThat(cursor).isGreaterThan(reached);
      reached = cursor;
      v = v.restart();
      restarts++;
      assertThat(v.store.observations().cursor(org.fedbridge.validator.batch.Chain.L1))
          .map(c -> c.number())
          .contains(cursor);
    }
    v.sign();
    assertThat(restarts).isGreaterThan(3);

    JdbcTemplate jdbc = new JdbcTemplate(v.dataSource);
    assertThat(jdbc.queryForList("SELECT nonce::bigint FROM deposits ORDER BY nonce", Long.class))
        .containsExactly(1L, 2L, 3L, 4L, 5L, 6L, 7L, 8L);
    List<Long> batches =
        jdbc.queryForList(
            "SELECT batch_id FROM observed_batches WHERE status = 'SIGNED' ORDER BY batch_id",
            Long.class);
    assertThat(batches).hasSize(6);
    assertThat(v.publisher.batchIds(MessageType.DEPOSIT_BATCH)).containsExactlyElementsOf(batches);
    assertThat(jdbc.queryForObject("SELECT count(*) FROM signing_protection", Integer.class))
        .isEqualTo(6);
  }

  @Test
  void crashBetweenSigningAndPublishingRepublishesTheSamePartialAfterRestart() throws Exception {
    l1 = new L1Chain(FEDERATION, List.of(L1Chain.generousEth()));
    v = validator(Finality.FINALIZED, 0, 256);
    long block = l1.depositEth(L1Chain.ether(3)).getBlockNumber().longValueExact();
    l1.finalizeBlock(block);
    v.pollL1();
    v.publisher.failNext(1);

    SigningLoop.Round crashed = v.sign();
    assertThat(crashed.signed()).isZero();
    assertThat(v.publisher.published()).isEmpty();
    var recorded =
        v.signing.partials().find(MessageType.DEPOSIT_BATCH, UInt256.of(block), 0).orElseThrow();

    v = v.restart();
    SigningLoop.Round after = v.sign();
    assertThat(after.signed()).isEqualTo(1);
    assertThat(v.publisher.published()).singleElement().isEqualTo(recorded.signedPartial().get());
    // re-publication of a stored partial is not a new signature
    assertThat(v.counter("fedbridge.validator.batches.signed", "type", "deposit_batch")).isZero();
    assertThat(v.sign().signed()).isZero();
    assertThat(v.publisher.published()).hasSize(1);
    assertThat(Optional.of(v.watch.status().haltReason())).contains(Optional.empty());
  }

  static BigInteger wei(long n) {
    return BigInteger.valueOf(n);
  }
}
