package org.fedbridge.validator.watch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.fedbridge.core.message.Deposit;
import org.fedbridge.core.types.Bytes32;
import org.fedbridge.core.types.UInt256;
import org.fedbridge.validator.ValidatorProperties.Finality;
import org.fedbridge.validator.batch.BlockRef;
import org.fedbridge.validator.batch.Chain;
import org.fedbridge.validator.batch.Observations;
import org.fedbridge.validator.signing.SigningHalt;
import org.fedbridge.validator.testing.L1Chain;
import org.fedbridge.validator.testing.MutableClock;
import org.fedbridge.validator.testing.RecordingPublisher;
import org.fedbridge.validator.testing.TestDatabase;
import org.fedbridge.validator.testing.TestFederation;
import org.fedbridge.validator.testing.ValidatorUnderTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.web3j.protocol.core.methods.response.Log;

/**
 * The L1 watcher reading blocks ahead of the one it stores (real anvil, real PostgreSQL): what was
 * read ahead of a discontinuity or of a crash is never stored, and a restart resumes at the cursor
 * with every deposit stored exactly once.
 */
class L1ReadAheadTest {
  private static final TestFederation FEDERATION = TestFederation.create(13, 3, 4);

  private L1Chain l1;
  private final List<ValidatorUnderTest> validators = new ArrayList<>();
  private final List<Long> blocks = new ArrayList<>();

  @BeforeEach
  void sixDepositBlocks() throws Exception {
    l1 = new L1Chain(FEDERATION, List.of(L1Chain.generousEth()));
    for (int i = 0; i < 6; i++) {
      blocks.add(l1.depositEth(L1Chain.ether(1 + i)).getBlockNumber().longValueExact());
    }
    l1.finalizeBlock(blocks.get(5));
  }

  @AfterEach
  void stop() {
    validators.forEach(ValidatorUnderTest::close);
    l1.close();
  }

  private ValidatorUnderTest validator() {
    ValidatorUnderTest v =
        new ValidatorUnderTest(
            TestDatabase.fresh("validator_l1_read_ahead"),
            l1,
            ValidatorUnderTest.properties(
                l1, L1WatcherAnvilTest.NO_SIDECHAIN, 1, Finality.FINALIZED, 0, 256, 4),
            FEDERATION,
            1,
            MutableClock.at("2026-02-01T00:00:00Z"),
            new RecordingPublisher());
    validators.add(v);
    return v;
  }

  private L1Watcher watcher(ValidatorUnderTest v, L1Node node, Observations store, int ahead) {
    SigningHalt halt = v.signing.halt();
    WatchState state = new WatchState(halt);
    return new L1Watcher(
        node,
        store,
        halt,
        state,
        new WatchMetrics(v.registry, state),
        v.clock,
        v.vault(),
        Finality.FINALIZED,
        0,
        l1.deploymentBlock,
        256,
        ahead,
        () -> {});
  }

  private static List<Long> nonces(ValidatorUnderTest v) {
    return new JdbcTemplate(v.dataSource)
        .queryForList("SELECT nonce::bigint FROM deposits ORDER BY nonce", Long.class);
  }

  private static List<Long> batchIds(ValidatorUnderTest v) {
    return new JdbcTemplate(v.dataSource)
        .queryForList("SELECT batch_id FROM observed_batches ORDER BY batch_id", Long.class);
  }

  private static Optional<Long> cursor(ValidatorUnderTest v) {
    return v.store.observations().cursor(Chain.L1).map(BlockRef::number);
  }

  @Test
  void blocksReadAheadOfADiscontinuityAreNeverStoredExploit() throws Exception {
    long liarAt = blocks.get(3);
    for (int ahead : new int[] {1, 4}) {
      ValidatorUnderTest v = validator();
      Web3jL1Node honest = new Web3jL1Node(l1.web3j, l1.vaultAddress);
      // With read-ahead, the lie is answered only once the blocks after it are being read.
      LyingNode liar = new LyingNode(honest, liarAt, ahead > 1 ? liarAt + 1 : -1);
      watcher(v, liar, v.store.observations(), ahead).poll();

      assertThat(v.signing.halt().current())
          .as("read-ahead %d", ahead)
          .hasValueSatisfying(h -> assertThat(h.reason()).contains("hash discontinuity"));
      assertThat(liar.waitedForReadAhead).as("block %d was read ahead", liarAt + 1).isTrue();
      assertThat(cursor(v)).contains(blocks.get(2));
      assertThat(nonces(v)).containsExactly(1L, 2L, 3L);
      assertThat(batchIds(v)).containsExactly(blocks.get(0), blocks.get(1), blocks.get(2));

      // an honest node afterwards changes nothing: signing stays halted, nothing more is stored
      watcher(v, honest, v.store.observations(), ahead).poll();
      assertThat(nonces(v)).containsExactly(1L, 2L, 3L);
      assertThat(v.signing.halt().halted()).isTrue();
    }
  }

  @Test
  void aCrashBetweenTwoStoredBlocksLosesWhatWasReadAheadAndTheRestartStoresEachDepositOnce()
      throws Exception {
    ValidatorUnderTest v = validator();
    Web3jL1Node node = new Web3jL1Node(l1.web3j, l1.vaultAddress);
    Observations crashing = new CrashingStore(v.store.observations(), blocks.get(3));
    assertThatThrownBy(() -> watcher(v, node, crashing, 4).poll()).hasMessageContaining("crash");
    assertThat(cursor(v)).contains(blocks.get(2));
    assertThat(nonces(v)).containsExactly(1L, 2L, 3L);

    ValidatorUnderTest restarted = v.restart();
    validators.add(restarted);
    restarted.pollL1();
    assertThat(restarted.signing.halt().halted()).isFalse();
    assertThat(cursor(restarted)).contains(l1.finalized());
    assertThat(nonces(restarted)).containsExactly(1L, 2L, 3L, 4L, 5L, 6L);
    assertThat(batchIds(restarted)).containsExactlyElementsOf(blocks);
    assertThat(restarted.sign().signed()).isEqualTo(6);
  }

  /** Answers block {@code liarAt} with a wrong parent hash (after {@code waitFor} was asked). */
  private static final class LyingNode implements L1Node {
    private final L1Node honest;
    private final long liarAt;
    private final long waitFor;
    private final Set<Long> asked = ConcurrentHashMap.newKeySet();
    private final CountDownLatch waitedFor = new CountDownLatch(1);
    volatile boolean waitedForReadAhead;

    LyingNode(L1Node honest, long liarAt, long waitFor) {
      this.honest = honest;
      this.liarAt = liarAt;
      this.waitFor = waitFor;
      this.waitedForReadAhead = waitFor < 0;
    }

    @Override
    public L1Header latest() throws NodeException {
      return honest.latest();
    }

    @Override
    public Optional<L1Header> finalized() throws NodeException {
      return honest.finalized();
    }

    @Override
    public Optional<L1Header> byNumber(long number) throws NodeException {
      asked.add(number);
      if (number == waitFor) {
        waitedFor.countDown();
      }
      Optional<L1Header> h = honest.byNumber(number);
      if (number != liarAt || h.isEmpty()) {
        return h;
      }
      if (waitFor >= 0) {
        try {
          waitedForReadAhead = waitedFor.await(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
      }
      L1Header real = h.get();
      byte[] parent = real.parentHash().bytes().clone();
      parent[0] ^= 1;
      return Optional.of(
          new L1Header(real.number(), real.hash(), new Bytes32(parent), real.logsBloom()));
    }

    @Override
    public List<Log> depositLogs(Bytes32 blockHash) throws NodeException {
      return honest.depositLogs(blockHash);
    }
  }

  /** The real store, but the process "dies" when asked to store {@code crashAt}'s deposits. */
  private record CrashingStore(Observations real, long crashAt) implements Observations {
    @Override
    public Optional<BlockRef> cursor(Chain chain) {
      return real.cursor(chain);
    }

    @Override
    public Optional<UInt256> lastNonce(Chain chain) {
      return real.lastNonce(chain);
    }

    @Override
    public void recordDeposits(
        Optional<BlockRef> previous, BlockRef block, List<Deposit> deposits, Instant safeAt) {
      if (block.number() == crashAt) {
        throw new IllegalStateException("crash before storing block " + crashAt);
      }
      real.recordDeposits(previous, block, deposits, safeAt);
    }

    @Override
    public void recordWithdrawals(
        Optional<BlockRef> previous,
        BlockRef block,
        List<org.fedbridge.core.message.Withdrawal> withdrawals,
        Instant safeAt) {
      real.recordWithdrawals(previous, block, withdrawals, safeAt);
    }

    @Override
    public void advance(Chain chain, Optional<BlockRef> previous, BlockRef block) {
      real.advance(chain, previous, block);
    }
  }
}
