package org.fedbridge.sidechain.store;

import java.sql.Types;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.fedbridge.core.message.Withdrawal;
import org.fedbridge.sidechain.ledger.Block;
import org.fedbridge.sidechain.ledger.BlockHeader;
import org.fedbridge.sidechain.ledger.BlockTransaction;
import org.fedbridge.sidechain.ledger.ExecutedTransaction;
import org.fedbridge.sidechain.ledger.LogEntry;
import org.fedbridge.sidechain.ledger.Receipt;
import org.fedbridge.sidechain.ledger.SealedBlock;
import org.fedbridge.sidechain.ledger.StateKey;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Writes a sealed block: the block, its transactions with receipts, logs, withdrawals, state
 * changes and the log offset after it, in one database transaction, so a crash leaves either the
 * whole block or none of it. One method per table. Single rows go through {@link JdbcClient}; the
 * per-block row sets go through {@link NamedParameterJdbcTemplate#batchUpdate} (the same named
 * parameters: {@code JdbcClient} has no batches), which the driver turns into multi-row INSERTs
 * ({@code reWriteBatchedInserts}): a block of 500 transactions is a handful of round trips.
 */
public final class BlockWriter {
  private static final int PARTITION = 0;
  private static final int PRUNE_EVERY = 16;

  private final JdbcClient jdbc;
  private final NamedParameterJdbcTemplate batches;
  private final TransactionTemplate transaction;
  private final String topic;
  private final int historyBlocks;

  /**
   * @param historyBlocks how many blocks of history to keep ({@code state_history}); 0: none
   */
  public BlockWriter(DataSource dataSource, String topic, int historyBlocks) {
    this.jdbc = JdbcClient.create(dataSource);
    this.batches = new NamedParameterJdbcTemplate(dataSource);
    this.transaction = new TransactionTemplate(new DataSourceTransactionManager(dataSource));
    this.topic = topic;
    this.historyBlocks = historyBlocks;
  }

  /** Stores {@code sealed} and the offset after it, atomically. */
  public void commit(SealedBlock sealed) {
    try {
      transaction.executeWithoutResult(status -> write(sealed));
    } catch (DataAccessException e) {
      throw new StoreException("cannot store block " + sealed.block().number(), e);
    }
  }

  /** Every row of the block; runs inside the caller's transaction. */
  void write(SealedBlock sealed) {
    Block b = sealed.block();
    insertBlock(b, sealed.nextOffset());
    insertTransactions(b);
    insertLogs(b);
    insertWithdrawals(b);
    writeState(sealed.stateChanges());
    writeHistory(b.number(), sealed.previousValues());
    saveOffset(sealed.nextOffset());
  }

  private void insertBlock(Block b, long nextOffset) {
    BlockHeader h = b.header();
    jdbc.sql(
            """
            INSERT INTO blocks (number, hash, parent_hash, timestamp, transactions_root,
              receipts_root, state_root, withdrawal_root, withdrawal_count, gas_used, gas_limit,
              base_fee, logs_bloom, transaction_count, next_offset)
            VALUES (:number, :hash, :parentHash, :timestamp, :transactionsRoot, :receiptsRoot,
              :stateRoot, :withdrawalRoot, :withdrawalCount, :gasUsed, :gasLimit, :baseFee,
              :logsBloom, :transactionCount, :nextOffset)
            """)
        .param("number", h.number())
        .param("hash", b.hash().bytes())
        .param("parentHash", h.parentHash().bytes())
        .param("timestamp", h.timestamp())
        .param("transactionsRoot", h.transactionsRoot().bytes())
        .param("receiptsRoot", h.receiptsRoot().bytes())
        .param("stateRoot", h.stateRoot().bytes())
        .param("withdrawalRoot", h.withdrawalRoot().bytes())
        .param("withdrawalCount", h.withdrawalCount())
        .param("gasUsed", h.gasUsed())
        .param("gasLimit", h.gasLimit())
        .param("baseFee", Rows.numeric(h.baseFee()))
        .param("logsBloom", h.logsBloom())
        .param("transactionCount", h.transactionCount())
        .param("nextOffset", nextOffset)
        .update();
  }

  private void insertTransactions(Block b) {
    List<MapSqlParameterSource> rows = new ArrayList<>(b.transactions().size());
    for (ExecutedTransaction e : b.transactions()) {
      BlockTransaction t = e.tx();
      Receipt r = e.receipt();
      rows.add(
          new MapSqlParameterSource()
              .addValue("hash", t.hash().bytes())
              .addValue("blockNumber", b.number())
              .addValue("txIndex", e.index())
              .addValue("type", t.type())
              .addValue("sender", t.from().bytes())
              .addValue("recipient", t.to() == null ? null : t.to().bytes(), Types.BINARY)
              .addValue("nonce", t.nonce())
              .addValue("gasLimit", t.gasLimit())
              .addValue("maxFeePerGas", Rows.numeric(t.maxFeePerGas()))
              .addValue("maxPriorityFeePerGas", Rows.numeric(t.maxPriorityFeePerGas()))
              .addValue("value", Rows.numeric(t.value()))
              .addValue("input", t.input())
              .addValue("chainId", t.chainId())
              .addValue("v", Rows.numeric(t.v()))
              .addValue("r", Rows.numeric(t.r()))
              .addValue("s", Rows.numeric(t.s()))
              .addValue("status", r.success() ? 1 : 0)
              .addValue("gasUsed", r.gasUsed())
              .addValue("cumulativeGasUsed", r.cumulativeGasUsed())
              .addValue("effectiveGasPrice", Rows.numeric(r.effectiveGasPrice()))
              .addValue("logsBloom", r.logsBloom()));
    }
    batch(
        """
        INSERT INTO transactions (hash, block_number, tx_index, type, sender, recipient, nonce,
          gas_limit, max_fee_per_gas, max_priority_fee_per_gas, value, input, chain_id, v, r, s,
          status, gas_used, cumulative_gas_used, effective_gas_price, logs_bloom)
        VALUES (:hash, :blockNumber, :txIndex, :type, :sender, :recipient, :nonce, :gasLimit,
          :maxFeePerGas, :maxPriorityFeePerGas, :value, :input, :chainId, :v, :r, :s, :status,
          :gasUsed, :cumulativeGasUsed, :effectiveGasPrice, :logsBloom)
        """,
        rows);
  }

  /** Logs are numbered across the block, in transaction order (Ethereum's logIndex). */
  private void insertLogs(Block b) {
    List<MapSqlParameterSource> rows = new ArrayList<>();
    int logIndex = 0;
    for (ExecutedTransaction e : b.transactions()) {
      for (LogEntry l : e.receipt().logs()) {
        MapSqlParameterSource row =
            new MapSqlParameterSource()
                .addValue("blockNumber", b.number())
                .addValue("logIndex", logIndex++)
                .addValue("txHash", e.tx().hash().bytes())
                .addValue("txIndex", e.index())
                .addValue("address", l.address().bytes())
                .addValue("data", l.data());
        for (int i = 0; i < 4; i++) {
          byte[] topic = i < l.topics().size() ? l.topics().get(i).bytes() : null;
          row.addValue("topic" + i, topic, Types.BINARY);
        }
        rows.add(row);
      }
    }
    batch(
        """
        INSERT INTO logs (block_number, log_index, tx_hash, tx_index, address, topic0, topic1,
          topic2, topic3, data)
        VALUES (:blockNumber, :logIndex, :txHash, :txIndex, :address, :topic0, :topic1, :topic2,
          :topic3, :data)
        """,
        rows);
  }

  private void insertWithdrawals(Block b) {
    List<MapSqlParameterSource> rows = new ArrayList<>(b.withdrawals().size());
    int leaf = 0;
    for (Withdrawal w : b.withdrawals()) {
      rows.add(
          new MapSqlParameterSource()
              .addValue("nonce", Rows.numeric(w.nonce()))
              .addValue("blockNumber", b.number())
              .addValue("leafIndex", leaf++)
              .addValue("l1Token", w.l1Token().bytes())
              .addValue("sender", w.sender().bytes())
              .addValue("l1Recipient", w.l1Recipient().bytes())
              .addValue("amount", Rows.numeric(w.amount())));
    }
    batch(
        """
        INSERT INTO withdrawals (nonce, block_number, leaf_index, l1_token, sender, l1_recipient,
          amount)
        VALUES (:nonce, :blockNumber, :leafIndex, :l1Token, :sender, :l1Recipient, :amount)
        """,
        rows);
  }

  /** The latest state only: upserts for written entries, deletes for entries set to zero. */
  private void writeState(Map<StateKey, byte[]> changes) {
    List<MapSqlParameterSource> upserts = new ArrayList<>();
    List<MapSqlParameterSource> deletes = new ArrayList<>();
    changes.forEach(
        (key, value) -> {
          MapSqlParameterSource row = new MapSqlParameterSource("key", key.bytes());
          if (value == null) {
            deletes.add(row);
          } else {
            upserts.add(row.addValue("value", value));
          }
        });
    batch(
        "INSERT INTO state (key, value) VALUES (:key, :value)"
            + " ON CONFLICT (key) DO UPDATE SET value = EXCLUDED.value",
        upserts);
    batch("DELETE FROM state WHERE key = :key", deletes);
  }

  /** What the block overwrote, and the end of what falls out of the window with it. */
  private void writeHistory(long number, Map<StateKey, byte[]> previous) {
    if (historyBlocks == 0) {
      return;
    }
    List<MapSqlParameterSource> rows = new ArrayList<>(previous.size());
    previous.forEach(
        (key, value) ->
            rows.add(
                new MapSqlParameterSource("block", number)
                    .addValue("key", key.bytes())
                    .addValue("previous", value, Types.BINARY)));
    batch(
        "INSERT INTO state_history (block_number, key, previous) VALUES (:block, :key, :previous)",
        rows);
    // Pruned every 16 blocks, not every block: one statement fewer per block. Start-up reads only
    // the window, so the few older rows left meanwhile are never used.
    if (number % PRUNE_EVERY == 0) {
      jdbc.sql("DELETE FROM state_history WHERE block_number <= :cut")
          .param("cut", number - historyBlocks)
          .update();
    }
  }

  private void saveOffset(long nextOffset) {
    jdbc.sql(
            """
            INSERT INTO consumer_offsets (topic, partition, next_offset)
            VALUES (:topic, :partition, :nextOffset)
            ON CONFLICT (topic, partition)
            DO UPDATE SET next_offset = EXCLUDED.next_offset, updated_at = now()
            """)
        .param("topic", topic)
        .param("partition", PARTITION)
        .param("nextOffset", nextOffset)
        .update();
  }

  private void batch(String sql, List<MapSqlParameterSource> rows) {
    if (!rows.isEmpty()) {
      batches.batchUpdate(sql, rows.toArray(MapSqlParameterSource[]::new));
    }
  }
}
