package org.fedbridge.sidechain.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import java.util.List;
import java.util.Optional;
import org.fedbridge.sidechain.genesis.Genesis;
import org.fedbridge.sidechain.ledger.Ledger;
import org.fedbridge.sidechain.ledger.LogRecords;
import org.fedbridge.sidechain.ledger.SealedBlock;
import org.fedbridge.sidechain.testing.ReplicaHarness;
import org.fedbridge.sidechain.testing.TestAccounts;
import org.fedbridge.sidechain.testing.TestGenesis;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A process that dies in the middle of storing a block (every row of the block written, no commit)
 * leaves the database at the previous block with the previous offset, so the block is rebuilt from
 * the log exactly once.
 */
class BlockWriterCrashTest {
  @Test
  void aBlockWrittenButNotCommittedLeavesNoTraceAndIsRebuiltIdentically() {
    List<TestAccounts.Account> accounts = TestAccounts.many("crash", 2);
    Genesis genesis = TestGenesis.of(9001, accounts, "0");
    try (ReplicaHarness h = ReplicaHarness.create("crash_store", genesis, "crash", 10)) {
      BlockWriter writer = h.writer();
      ChainQueries queries = h.queries();
      writer.commit(Ledger.genesisBlock(genesis));
      Optional<SealedBlock> block = threeTransfersAndATick(genesis, accounts, 0);
      assertThat(block).isPresent();

      JdbcTemplate jdbc = new JdbcTemplate(h.dataSource());
      new TransactionTemplate(new DataSourceTransactionManager(h.dataSource()))
          .executeWithoutResult(
              status -> {
                writer.write(block.get());
                // every row of the block is there inside the transaction...
                assertThat(jdbc.queryForObject("SELECT count(*) FROM transactions", Integer.class))
                    .isEqualTo(3);
                // ...and the process dies here: the transaction never commits
                status.setRollbackOnly();
              });
      assertThat(queries.head().orElseThrow().header().number()).isZero();
      assertThat(queries.storedOffset()).contains(0L);
      assertThat(jdbc.queryForObject("SELECT count(*) FROM transactions", Integer.class)).isZero();

      // Replaying the same records from the stored offset rebuilds the same block, once.
      long offset = queries.storedOffset().orElseThrow();
      Optional<SealedBlock> rebuilt = threeTransfersAndATick(genesis, accounts, offset);
      assertThat(rebuilt.orElseThrow().block().hash()).isEqualTo(block.get().block().hash());
      writer.commit(rebuilt.get());
      assertThat(jdbc.queryForObject("SELECT count(*) FROM transactions", Integer.class))
          .isEqualTo(3);
      assertThat(queries.storedOffset()).contains(4L);
    }
  }

  private static Optional<SealedBlock> threeTransfersAndATick(
      Genesis genesis, List<TestAccounts.Account> accounts, long offset) {
    Ledger ledger = Ledger.atGenesis(genesis, 10, null);
    for (int i = 0; i < 3; i++) {
      ledger.apply(
          offset++,
          1_700_000_500_000L,
          LogRecords.transaction(
              TestAccounts.transfer(
                  accounts.get(0), 9001, i, accounts.get(1).address(), BigInteger.TEN)));
    }
    return ledger.apply(offset, 1_700_000_501_000L, LogRecords.tick());
  }
}
