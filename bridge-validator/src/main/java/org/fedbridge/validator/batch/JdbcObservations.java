package org.fedbridge.validator.batch;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;
import org.fedbridge.core.message.Deposit;
import org.fedbridge.core.message.DepositBatch;
import org.fedbridge.core.message.MessageType;
import org.fedbridge.core.message.Withdrawal;
import org.fedbridge.core.message.WithdrawalBatch;
import org.fedbridge.core.types.Bytes32;
import org.fedbridge.core.types.UInt256;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/** {@link Observations} in PostgreSQL: each write is one transaction with its cursor move. */
final class JdbcObservations implements Observations {
  private final JdbcTemplate jdbc;
  private final TransactionTemplate tx;
  private final Clock clock;

  JdbcObservations(DataSource dataSource, Clock clock) {
    this.jdbc = new JdbcTemplate(dataSource);
    this.tx = new TransactionTemplate(new DataSourceTransactionManager(dataSource));
    this.clock = clock;
  }

  @Override
  public Optional<BlockRef> cursor(Chain chain) {
    return jdbc
        .query(
            "SELECT block_number, block_hash FROM chain_cursors WHERE chain = ?",
            (rs, i) -> new BlockRef(rs.getLong("block_number"), Sql.bytes32(rs, "block_hash")),
            chain.label())
        .stream()
        .findFirst();
  }

  @Override
  public Optional<UInt256> lastNonce(Chain chain) {
    String table = chain == Chain.L1 ? "deposits" : "withdrawals";
    List<UInt256> max =
        jdbc.query(
            "SELECT max(nonce) AS n FROM " + table,
            (rs, i) -> rs.getBigDecimal("n") == null ? null : Sql.uint(rs, "n"));
    return Optional.ofNullable(max.get(0));
  }

  @Override
  public void recordDeposits(
      Optional<BlockRef> previous, BlockRef block, List<Deposit> deposits, Instant safeAt) {
    DepositBatch batch = DepositBatch.of(UInt256.of(block.number()), deposits);
    List<Object[]> rows = new ArrayList<>(deposits.size());
    for (int i = 0; i < deposits.size(); i++) {
      Deposit d = deposits.get(i);
      rows.add(
          new Object[] {
            Sql.numeric(d.nonce()),
            block.number(),
            i,
            d.token().bytes(),
            d.sender().bytes(),
            d.recipient().bytes(),
            Sql.numeric(d.amount())
          });
    }
    tx.executeWithoutResult(
        status -> {
          moveCursor(Chain.L1, previous, block);
          jdbc.batchUpdate(
              "INSERT INTO deposits (nonce, block_number, position, token, sender, recipient,"
                  + " amount) VALUES (?, ?, ?, ?, ?, ?, ?)",
              rows);
          insertBatch(
              MessageType.DEPOSIT_BATCH, block, batch.depositRoot(), deposits.size(), safeAt);
        });
  }

  @Override
  public void recordWithdrawals(
      Optional<BlockRef> previous, BlockRef block, List<Withdrawal> withdrawals, Instant safeAt) {
    WithdrawalBatch batch = WithdrawalBatch.of(UInt256.of(block.number()), withdrawals);
    List<Object[]> rows = new ArrayList<>(withdrawals.size());
    for (int i = 0; i < withdrawals.size(); i++) {
      Withdrawal w = withdrawals.get(i);
      rows.add(
          new Object[] {
            Sql.numeric(w.nonce()),
            block.number(),
            i,
            w.l1Token().bytes(),
            w.sender().bytes(),
            w.l1Recipient().bytes(),
            Sql.numeric(w.amount())
          });
    }
    tx.executeWithoutResult(
        status -> {
          moveCursor(Chain.SIDECHAIN, previous, block);
          jdbc.batchUpdate(
              "INSERT INTO withdrawals (nonce, block_number, position, l1_token, sender,"
                  + " l1_recipient, amount) VALUES (?, ?, ?, ?, ?, ?, ?)",
              rows);
          insertBatch(
              MessageType.WITHDRAWAL_BATCH,
              block,
              batch.withdrawalRoot(),
              withdrawals.size(),
              safeAt);
        });
  }

  @Override
  public void advance(Chain chain, Optional<BlockRef> previous, BlockRef block) {
    tx.executeWithoutResult(status -> moveCursor(chain, previous, block));
  }

  private void insertBatch(
      MessageType type, BlockRef block, Bytes32 root, int count, Instant safeAt) {
    jdbc.update(
        "INSERT INTO observed_batches (message_type, batch_id, block_hash, item_root, item_count,"
            + " safe_at) VALUES (?, ?, ?, ?, ?, ?)",
        type.name(),
        block.number(),
        block.hash().bytes(),
        root.bytes(),
        count,
        Sql.time(safeAt));
  }

  // Conditional move: the cursor must be exactly where the writer read it, and only move forward.
  private void moveCursor(Chain chain, Optional<BlockRef> previous, BlockRef block) {
    int updated;
    if (previous.isEmpty()) {
      updated =
          jdbc.update(
              "INSERT INTO chain_cursors (chain, block_number, block_hash, updated_at)"
                  + " VALUES (?, ?, ?, ?) ON CONFLICT (chain) DO NOTHING",
              chain.label(),
              block.number(),
              block.hash().bytes(),
              Sql.time(clock.instant()));
    } else {
      BlockRef p = previous.get();
      if (block.number() <= p.number()) {
        throw new IllegalArgumentException(
            chain.label() + " cursor moves forward only: " + p.number() + " -> " + block.number());
      }
      updated =
          jdbc.update(
              "UPDATE chain_cursors SET block_number = ?, block_hash = ?, updated_at = ?"
                  + " WHERE chain = ? AND block_number = ? AND block_hash = ?",
              block.number(),
              block.hash().bytes(),
              Sql.time(clock.instant()),
              chain.label(),
              p.number(),
              p.hash().bytes());
    }
    if (updated != 1) {
      throw new CursorMovedException(
          chain.label() + " cursor is no longer at " + previous.map(BlockRef::number).orElse(-1L));
    }
  }
}
