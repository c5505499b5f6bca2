package org.fedbridge.sidechain.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import java.sql.Connection;
import java.util.List;
import java.util.Optional;
import org.fedbridge.sidechain.genesis.Genesis;
import org.fedbridge.sidechain.ledger.Ledger;
import org.fedbridge.sidechain.ledger.LogRecords;
import org.fedbridge.sidechain.ledger.SealedBlock;
import org.fedbridge.sidechain.ledger.WorldState;
import org.fedbridge.sidechain.testing.ReplicaHarness;
import org.fedbridge.sidechain.testing.TestAccounts;
import org.fedbridge.sidechain.testing.TestGenesis;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A process that dies in the middle of storing a block (every row of the block written, no commit)
 * leaves the database at the previous block with the previous offset, so the block is rebuilt from
 * the log exactly once.
 */
class BlockStoreCrashTest {
  @Test
  void aBlockWrittenButNotCommittedLeavesNoTraceAndIsRebuiltIdentically() throws Exception {
    List<TestAccounts.Account> accounts = TestAccounts.many("crash", 2);
    Genesis genesis = TestGenesis.of(9001, accounts, "0");
    try (ReplicaHarness h = ReplicaHarness.create("crash_store", genesis, "crash", 10)) {
      BlockStore store = h.store();
      SealedBlock g = Ledger.genesisBlock(genesis, new WorldState());
      store.commit(g);
      Optional<SealedBlock> block = Optional.empty();
      Ledger ledger = fresh(genesis, g);
      long offset = 0;
      for (int i = 0; i < 3; i++) {
        ledger.apply(
            offset++,
            1_700_000_500_000L,
            LogRecords.transaction(
                TestAccounts.transfer(
                    accounts.get(0), 9001, i, accounts.get(1).address(), BigInteger.TEN)));
      }
      block = ledger.apply(offset++, 1_700_000_501_000L, LogRecords.tick());
      assertThat(block).isPresent();

      try (Connection c = h.dataSource().getConnection()) {
        c.setAutoCommit(false);
        store.write(c, block.get());
        // the process dies here: the connection goes away without a commit
        c.rollback();
      }
      JdbcTemplate jdbc = new JdbcTemplate(h.dataSource());
      assertThat(store.head().orElseThrow().header().number()).isZero();
      assertThat(store.storedOffset()).contains(0L);
      assertThat(jdbc.queryForObject("SELECT count(*) FROM transactions", Integer.class)).isZero();

      // Replaying the same records from the stored offset rebuilds the same block, once.
      Ledger again = fresh(genesis, g);
      offset = store.storedOffset().orElseThrow();
      Optional<SealedBlock> rebuilt = Optional.empty();
      for (int i = 0; i < 3; i++) {
        again.apply(
            offset++,
            1_700_000_500_000L,
            LogRecords.transaction(
                TestAccounts.transfer(
                    accounts.get(0), 9001, i, accounts.get(1).address(), BigInteger.TEN)));
      }
      rebuilt = again.apply(offset, 1_700_000_501_000L, LogRecords.tick());
      assertThat(rebuilt.orElseThrow().block().hash()).isEqualTo(block.get().block().hash());
      store.commit(rebuilt.get());
      assertThat(jdbc.queryForObject("SELECT count(*) FROM transactions", Integer.class))
          .isEqualTo(3);
      assertThat(store.storedOffset()).contains(4L);
    }
  }

  private static Ledger fresh(Genesis genesis, SealedBlock g) {
    WorldState world = new WorldState();
    world.publish(g.stateChanges());
    world.applyToTree(g.stateChanges());
    return new Ledger(genesis, world, g.block().header(), 10, null);
  }
}
