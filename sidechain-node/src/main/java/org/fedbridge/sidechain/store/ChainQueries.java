package org.fedbridge.sidechain.store;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.sql.DataSource;
import org.fedbridge.core.types.Address;
import org.fedbridge.core.types.Bytes32;
import org.fedbridge.core.types.UInt256;
import org.fedbridge.sidechain.ledger.ExecutedTransaction;
import org.fedbridge.sidechain.ledger.Receipt;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Reads of the stored chain for JSON-RPC and start-up (Besu's {@code BlockchainQueries} plays this
 * part there): blocks, transactions with receipts and logs, log filters, withdrawals, and the log
 * offset the replica resumes from. Stored blocks are final, so every answer stays true.
 */
public final class ChainQueries {
  private static final String LOGS =
      "SELECT l.*, b.hash AS block_hash FROM logs l JOIN blocks b ON b.number = l.block_number";
  private static final String TRANSACTIONS =
      "SELECT t.*, b.hash AS block_hash FROM transactions t JOIN blocks b ON b.number ="
          + " t.block_number";

  private final JdbcClient jdbc;
  private final String topic;
  private final long chainId;

  public ChainQueries(DataSource dataSource, String topic, long chainId) {
    this.jdbc = JdbcClient.create(dataSource);
    this.topic = topic;
    this.chainId = chainId;
  }

  /** The latest stored block, or empty for a fresh database. */
  public Optional<StoredBlock> head() {
    return read(
        () ->
            jdbc.sql("SELECT * FROM blocks ORDER BY number DESC LIMIT 1")
                .query(Rows.block(chainId))
                .optional());
  }

  public Optional<StoredBlock> block(long number) {
    return read(
        () ->
            jdbc.sql("SELECT * FROM blocks WHERE number = :number")
                .param("number", number)
                .query(Rows.block(chainId))
                .optional());
  }

  public Optional<StoredBlock> block(Bytes32 hash) {
    return read(
        () ->
            jdbc.sql("SELECT * FROM blocks WHERE hash = :hash")
                .param("hash", hash.bytes())
                .query(Rows.block(chainId))
                .optional());
  }

  /** The offset after the last stored block (the consumer_offsets row of this topic). */
  public Optional<Long> storedOffset() {
    return read(
        () ->
            jdbc.sql(
                    "SELECT next_offset FROM consumer_offsets"
                        + " WHERE topic = :topic AND partition = 0")
                .param("topic", topic)
                .query(Long.class)
                .optional());
  }

  /** A block's transactions in order, each with its receipt's logs. */
  public List<StoredTransaction> transactionsOf(long blockNumber) {
    return read(
        () -> {
          List<StoredTransaction> txs =
              jdbc.sql(TRANSACTIONS + " WHERE t.block_number = :n ORDER BY t.tx_index")
                  .param("n", blockNumber)
                  .query(Rows.TRANSACTION)
                  .list();
          List<StoredLog> logs =
              jdbc.sql(LOGS + " WHERE l.block_number = :n ORDER BY l.log_index")
                  .param("n", blockNumber)
                  .query(Rows.LOG)
                  .list();
          return withLogs(txs, logs);
        });
  }

  public Optional<StoredTransaction> transaction(Bytes32 hash) {
    return read(
        () -> {
          Optional<StoredTransaction> tx =
              jdbc.sql(TRANSACTIONS + " WHERE t.hash = :hash")
                  .param("hash", hash.bytes())
                  .query(Rows.TRANSACTION)
                  .optional();
          if (tx.isEmpty()) {
            return tx;
          }
          List<StoredLog> logs =
              jdbc.sql(LOGS + " WHERE l.tx_hash = :hash ORDER BY l.block_number, l.log_index")
                  .param("hash", hash.bytes())
                  .query(Rows.LOG)
                  .list();
          return Optional.of(withLogs(List.of(tx.get()), logs).get(0));
        });
  }

  /**
   * Logs in blocks {@code [from, to]} emitted by one of {@code addresses} (empty: any) whose topic
   * at position {@code i} is one of {@code topics.get(i)} (empty: any), in chain order, at most
   * {@code limit}.
   */
  public List<StoredLog> logs(
      long from, long to, List<Address> addresses, List<List<Bytes32>> topics, int limit) {
    StringBuilder sql =
        new StringBuilder(LOGS).append(" WHERE l.block_number BETWEEN :from AND :to");
    Map<String, Object> params = new HashMap<>();
    params.put("from", from);
    params.put("to", to);
    params.put("limit", limit);
    if (!addresses.isEmpty()) {
      sql.append(" AND l.address IN (:addresses)");
      params.put("addresses", addresses.stream().map(Address::bytes).toList());
    }
    for (int i = 0; i < topics.size() && i < 4; i++) {
      List<Bytes32> options = topics.get(i);
      if (options != null && !options.isEmpty()) {
        String name = "topic" + i;
        sql.append(" AND l.").append(name).append(" IN (:").append(name).append(')');
        params.put(name, options.stream().map(Bytes32::bytes).toList());
      }
    }
    sql.append(" ORDER BY l.block_number, l.log_index LIMIT :limit");
    return read(() -> jdbc.sql(sql.toString()).params(params).query(Rows.LOG).list());
  }

  public List<StoredWithdrawal> withdrawalsOf(long blockNumber) {
    return read(
        () ->
            jdbc.sql("SELECT * FROM withdrawals WHERE block_number = :n ORDER BY leaf_index")
                .param("n", blockNumber)
                .query(Rows.WITHDRAWAL)
                .list());
  }

  public Optional<StoredWithdrawal> withdrawal(UInt256 nonce) {
    return read(
        () ->
            jdbc.sql("SELECT * FROM withdrawals WHERE nonce = :nonce")
                .param("nonce", Rows.numeric(nonce))
                .query(Rows.WITHDRAWAL)
                .optional());
  }

  /** Attaches each transaction's logs (both lists in chain order) to it and to its receipt. */
  private static List<StoredTransaction> withLogs(
      List<StoredTransaction> txs, List<StoredLog> logs) {
    List<StoredTransaction> out = new ArrayList<>(txs.size());
    int li = 0;
    for (StoredTransaction t : txs) {
      int index = t.executed().index();
      while (li < logs.size() && logs.get(li).txIndex() < index) {
        li++;
      }
      List<StoredLog> mine = new ArrayList<>();
      while (li < logs.size() && logs.get(li).txIndex() == index) {
        mine.add(logs.get(li++));
      }
      Receipt withLogs =
          t.executed().receipt().withLogs(mine.stream().map(StoredLog::log).toList());
      out.add(
          new StoredTransaction(
              t.blockNumber(),
              t.blockHash(),
              new ExecutedTransaction(t.executed().tx(), index, withLogs),
              mine));
    }
    return out;
  }

  private interface Query<T> {
    T run();
  }

  private static <T> T read(Query<T> q) {
    try {
      return q.run();
    } catch (DataAccessException e) {
      throw new StoreException("query failed: " + e.getMessage(), e);
    }
  }
}
