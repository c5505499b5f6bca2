package org.fedbridge.sidechain.store;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.sql.DataSource;
import org.fedbridge.core.message.Withdrawal;
import org.fedbridge.core.types.Address;
import org.fedbridge.core.types.UInt256;
import org.fedbridge.sidechain.ledger.Block;
import org.fedbridge.sidechain.ledger.BlockHeader;
import org.fedbridge.sidechain.ledger.BlockTransaction;
import org.fedbridge.sidechain.ledger.ExecutedTransaction;
import org.fedbridge.sidechain.ledger.LogEntry;
import org.fedbridge.sidechain.ledger.Receipt;
import org.fedbridge.sidechain.ledger.SealedBlock;
import org.fedbridge.sidechain.ledger.StateKey;
import org.fedbridge.sidechain.ledger.WorldState;

/**
 * The replica's PostgreSQL store, in plain batched JDBC: the write path runs once per block with
 * hundreds of rows, where an ORM's per-entity work would cost more than the ledger itself. {@link
 * #commit} writes a block, its transactions, receipts, logs, withdrawals, state changes and the log
 * offset after it in one database transaction.
 */
public final class BlockStore {
  private static final int PARTITION = 0;

  private final DataSource dataSource;
  private final String topic;
  private final long chainId;

  public BlockStore(DataSource dataSource, String topic, long chainId) {
    this.dataSource = dataSource;
    this.topic = topic;
    this.chainId = chainId;
  }

  /** The latest stored block's header and the offset to resume from. */
  public record Head(BlockHeader header, byte[] hash, long nextOffset) {}

  /** A log with its position in the chain. */
  public record StoredLog(
      long blockNumber, byte[] blockHash, int logIndex, byte[] txHash, int txIndex, LogEntry log) {}

  /** A transaction with its block and receipt. */
  public record StoredTransaction(
      long blockNumber, byte[] blockHash, ExecutedTransaction executed, List<StoredLog> logs) {}

  /** A stored withdrawal and its block. */
  public record StoredWithdrawal(long blockNumber, int leafIndex, Withdrawal withdrawal) {}

  // ---------------------------------------------------------------- write path

  public void commit(SealedBlock sealed) {
    try (Connection c = dataSource.getConnection()) {
      c.setAutoCommit(false);
      try {
        write(c, sealed);
        c.commit();
      } catch (SQLException | RuntimeException e) {
        c.rollback();
        throw e;
      }
    } catch (SQLException e) {
      throw new StoreException("cannot store block " + sealed.block().number(), e);
    }
  }

  /** Writes without committing; for tests that crash between statements. */
  void write(Connection c, SealedBlock sealed) throws SQLException {
    Block b = sealed.block();
    BlockHeader h = b.header();
    try (PreparedStatement ps =
        c.prepareStatement(
            "INSERT INTO blocks (number, hash, parent_hash, timestamp, transactions_root,"
                + " receipts_root, state_root, withdrawal_root, withdrawal_count, gas_used,"
                + " gas_limit, base_fee, logs_bloom, transaction_count, next_offset)"
                + " VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)")) {
      ps.setLong(1, h.number());
      ps.setBytes(2, b.hash());
      ps.setBytes(3, h.parentHash());
      ps.setLong(4, h.timestamp());
      ps.setBytes(5, h.transactionsRoot());
      ps.setBytes(6, h.receiptsRoot());
      ps.setBytes(7, h.stateRoot());
      ps.setBytes(8, h.withdrawalRoot());
      ps.setInt(9, h.withdrawalCount());
      ps.setLong(10, h.gasUsed());
      ps.setLong(11, h.gasLimit());
      ps.setBigDecimal(12, new BigDecimal(h.baseFee()));
      ps.setBytes(13, h.logsBloom());
      ps.setInt(14, h.transactionCount());
      ps.setLong(15, sealed.nextOffset());
      ps.executeUpdate();
    }
    if (!b.transactions().isEmpty()) {
      try (PreparedStatement tx =
              c.prepareStatement(
                  "INSERT INTO transactions (hash, block_number, tx_index, type, sender, recipient,"
                      + " nonce, gas_limit, max_fee_per_gas, max_priority_fee_per_gas, value,"
                      + " input, chain_id, v, r, s, status, gas_used, cumulative_gas_used,"
                      + " effective_gas_price, logs_bloom)"
                      + " VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)");
          PreparedStatement log =
              c.prepareStatement(
                  "INSERT INTO logs (block_number, log_index, tx_hash, tx_index, address, topic0,"
                      + " topic1, topic2, topic3, data) VALUES (?,?,?,?,?,?,?,?,?,?)")) {
        int logIndex = 0;
        int logs = 0;
        for (ExecutedTransaction e : b.transactions()) {
          BlockTransaction t = e.tx();
          Receipt r = e.receipt();
          tx.setBytes(1, t.hash());
          tx.setLong(2, h.number());
          tx.setInt(3, e.index());
          tx.setInt(4, t.type());
          tx.setBytes(5, t.from().bytes());
          if (t.to() == null) {
            tx.setNull(6, Types.BINARY);
          } else {
            tx.setBytes(6, t.to().bytes());
          }
          tx.setLong(7, t.nonce());
          tx.setLong(8, t.gasLimit());
          tx.setBigDecimal(9, new BigDecimal(t.maxFeePerGas()));
          tx.setBigDecimal(10, new BigDecimal(t.maxPriorityFeePerGas()));
          tx.setBigDecimal(11, new BigDecimal(t.value()));
          tx.setBytes(12, t.input());
          tx.setLong(13, t.chainId());
          tx.setBigDecimal(14, new BigDecimal(t.v()));
          tx.setBigDecimal(15, new BigDecimal(t.r()));
          tx.setBigDecimal(16, new BigDecimal(t.s()));
          tx.setInt(17, r.success() ? 1 : 0);
          tx.setLong(18, r.gasUsed());
          tx.setLong(19, r.cumulativeGasUsed());
          tx.setBigDecimal(20, new BigDecimal(r.effectiveGasPrice()));
          tx.setBytes(21, r.logsBloom());
          tx.addBatch();
          for (LogEntry l : r.logs()) {
            log.setLong(1, h.number());
            log.setInt(2, logIndex++);
            log.setBytes(3, t.hash());
            log.setInt(4, e.index());
            log.setBytes(5, l.address().bytes());
            for (int i = 0; i < 4; i++) {
              if (i < l.topics().size()) {
                log.setBytes(6 + i, l.topics().get(i));
              } else {
                log.setNull(6 + i, Types.BINARY);
              }
            }
            log.setBytes(10, l.data());
            log.addBatch();
            logs++;
          }
        }
        tx.executeBatch();
        if (logs > 0) {
          log.executeBatch();
        }
      }
    }
    if (!b.withdrawals().isEmpty()) {
      try (PreparedStatement w =
          c.prepareStatement(
              "INSERT INTO withdrawals (nonce, block_number, leaf_index, l1_token, sender,"
                  + " l1_recipient, amount) VALUES (?,?,?,?,?,?,?)")) {
        int i = 0;
        for (Withdrawal wd : b.withdrawals()) {
          w.setBigDecimal(1, new BigDecimal(wd.nonce().value()));
          w.setLong(2, h.number());
          w.setInt(3, i++);
          w.setBytes(4, wd.l1Token().bytes());
          w.setBytes(5, wd.sender().bytes());
          w.setBytes(6, wd.l1Recipient().bytes());
          w.setBigDecimal(7, new BigDecimal(wd.amount().value()));
          w.addBatch();
        }
        w.executeBatch();
      }
    }
    writeState(c, sealed.stateChanges());
    try (PreparedStatement ps =
        c.prepareStatement(
            "INSERT INTO consumer_offsets (topic, partition, next_offset) VALUES (?,?,?)"
                + " ON CONFLICT (topic, partition) DO UPDATE SET next_offset = EXCLUDED.next_offset,"
                + " updated_at = now()")) {
      ps.setString(1, topic);
      ps.setInt(2, PARTITION);
      ps.setLong(3, sealed.nextOffset());
      ps.executeUpdate();
    }
  }

  private static void writeState(Connection c, Map<StateKey, byte[]> changes) throws SQLException {
    try (PreparedStatement up =
            c.prepareStatement(
                "INSERT INTO state (key, value) VALUES (?, ?)"
                    + " ON CONFLICT (key) DO UPDATE SET value = EXCLUDED.value");
        PreparedStatement del = c.prepareStatement("DELETE FROM state WHERE key = ?")) {
      int ups = 0;
      int dels = 0;
      for (Map.Entry<StateKey, byte[]> e : changes.entrySet()) {
        if (e.getValue() == null) {
          del.setBytes(1, e.getKey().bytes());
          del.addBatch();
          dels++;
        } else {
          up.setBytes(1, e.getKey().bytes());
          up.setBytes(2, e.getValue());
          up.addBatch();
          ups++;
        }
      }
      if (ups > 0) {
        up.executeBatch();
      }
      if (dels > 0) {
        del.executeBatch();
      }
    }
  }

  // ---------------------------------------------------------------- start-up

  /** The latest block, or empty for a fresh database. */
  public Optional<Head> head() {
    return query(
            "SELECT * FROM blocks ORDER BY number DESC LIMIT 1",
            ps -> {},
            rs -> new Head(header(rs), rs.getBytes("hash"), rs.getLong("next_offset")))
        .stream()
        .findFirst();
  }

  /** The offset after the last stored block (the consumer_offsets row of this topic). */
  public Optional<Long> storedOffset() {
    return query(
            "SELECT next_offset FROM consumer_offsets WHERE topic = ? AND partition = ?",
            ps -> {
              ps.setString(1, topic);
              ps.setInt(2, PARTITION);
            },
            rs -> rs.getLong(1))
        .stream()
        .findFirst();
  }

  /** Loads every state entry into {@code world} (and its tree). */
  public void loadState(WorldState world) {
    try (Connection c = dataSource.getConnection()) {
      c.setAutoCommit(false); // lets the driver stream with a fetch size
      try (PreparedStatement ps = c.prepareStatement("SELECT key, value FROM state")) {
        ps.setFetchSize(10_000);
        try (ResultSet rs = ps.executeQuery()) {
          while (rs.next()) {
            world.load(StateKey.of(rs.getBytes(1)), rs.getBytes(2));
          }
        }
      }
      c.commit();
    } catch (SQLException e) {
      throw new StoreException("cannot load state", e);
    }
  }

  // ---------------------------------------------------------------- reads for JSON-RPC

  public Optional<Head> block(long number) {
    return query(
            "SELECT * FROM blocks WHERE number = ?",
            ps -> ps.setLong(1, number),
            rs -> new Head(header(rs), rs.getBytes("hash"), rs.getLong("next_offset")))
        .stream()
        .findFirst();
  }

  public Optional<Head> block(byte[] hash) {
    return query(
            "SELECT * FROM blocks WHERE hash = ?",
            ps -> ps.setBytes(1, hash),
            rs -> new Head(header(rs), rs.getBytes("hash"), rs.getLong("next_offset")))
        .stream()
        .findFirst();
  }

  public List<StoredTransaction> transactionsOf(long blockNumber) {
    List<StoredLog> logs = logsWhere("l.block_number = ?", List.of(blockNumber), 1_000_000);
    List<StoredTransaction> txs =
        query(
            "SELECT t.*, b.hash AS block_hash FROM transactions t JOIN blocks b ON b.number ="
                + " t.block_number WHERE t.block_number = ? ORDER BY t.tx_index",
            ps -> ps.setLong(1, blockNumber),
            rs -> transaction(rs, List.of()));
    return attachLogs(txs, logs);
  }

  public Optional<StoredTransaction> transaction(byte[] hash) {
    List<StoredTransaction> txs =
        query(
            "SELECT t.*, b.hash AS block_hash FROM transactions t JOIN blocks b ON b.number ="
                + " t.block_number WHERE t.hash = ?",
            ps -> ps.setBytes(1, hash),
            rs -> transaction(rs, List.of()));
    if (txs.isEmpty()) {
      return Optional.empty();
    }
    List<StoredLog> logs = logsWhere("l.tx_hash = ?", List.of(hash), 1_000_000);
    return Optional.of(attachLogs(txs, logs).get(0));
  }

  /** Logs in {@code [from, to]} matching the address set and topic sets (empty set: any). */
  public List<StoredLog> logs(
      long from, long to, List<byte[]> addresses, List<List<byte[]>> topics, int limit) {
    StringBuilder where = new StringBuilder("l.block_number BETWEEN ? AND ?");
    List<Object> args = new ArrayList<>(List.of(from, to));
    if (!addresses.isEmpty()) {
      where.append(" AND l.address IN (").append("?,".repeat(addresses.size() - 1)).append("?)");
      args.addAll(addresses);
    }
    for (int i = 0; i < topics.size() && i < 4; i++) {
      List<byte[]> options = topics.get(i);
      if (options == null || options.isEmpty()) {
        continue;
      }
      where
          .append(" AND l.topic")
          .append(i)
          .append(" IN (")
          .append("?,".repeat(options.size() - 1))
          .append("?)");
      args.addAll(options);
    }
    return logsWhere(where.toString(), args, limit);
  }

  public List<StoredWithdrawal> withdrawalsOf(long blockNumber) {
    return query(
        "SELECT * FROM withdrawals WHERE block_number = ? ORDER BY leaf_index",
        ps -> ps.setLong(1, blockNumber),
        BlockStore::withdrawal);
  }

  public Optional<StoredWithdrawal> withdrawal(BigInteger nonce) {
    return query(
            "SELECT * FROM withdrawals WHERE nonce = ?",
            ps -> ps.setBigDecimal(1, new BigDecimal(nonce)),
            BlockStore::withdrawal)
        .stream()
        .findFirst();
  }

  /** Blocks with withdrawals in {@code [from, to]}, oldest first. */
  public List<Head> blocksWithWithdrawals(long from, long to, int limit) {
    return query(
        "SELECT * FROM blocks WHERE number BETWEEN ? AND ? AND withdrawal_count > 0"
            + " ORDER BY number LIMIT ?",
        ps -> {
          ps.setLong(1, from);
          ps.setLong(2, to);
          ps.setInt(3, limit);
        },
        rs -> new Head(header(rs), rs.getBytes("hash"), rs.getLong("next_offset")));
  }

  private static StoredWithdrawal withdrawal(ResultSet rs) throws SQLException {
    return new StoredWithdrawal(
        rs.getLong("block_number"),
        rs.getInt("leaf_index"),
        new Withdrawal(
            new UInt256(rs.getBigDecimal("nonce").toBigIntegerExact()),
            new Address(rs.getBytes("l1_token")),
            new Address(rs.getBytes("sender")),
            new Address(rs.getBytes("l1_recipient")),
            new UInt256(rs.getBigDecimal("amount").toBigIntegerExact())));
  }

  private List<StoredLog> logsWhere(String where, List<Object> args, int limit) {
    return query(
        "SELECT l.*, b.hash AS block_hash FROM logs l JOIN blocks b ON b.number = l.block_number"
            + " WHERE "
            + where
            + " ORDER BY l.block_number, l.log_index LIMIT "
            + limit,
        ps -> {
          for (int i = 0; i < args.size(); i++) {
            Object a = args.get(i);
            if (a instanceof Long l) {
              ps.setLong(i + 1, l);
            } else {
              ps.setBytes(i + 1, (byte[]) a);
            }
          }
        },
        rs -> {
          List<byte[]> topics = new ArrayList<>(4);
          for (int i = 0; i < 4; i++) {
            byte[] t = rs.getBytes("topic" + i);
            if (t != null) {
              topics.add(t);
            }
          }
          return new StoredLog(
              rs.getLong("block_number"),
              rs.getBytes("block_hash"),
              rs.getInt("log_index"),
              rs.getBytes("tx_hash"),
              rs.getInt("tx_index"),
              new LogEntry(new Address(rs.getBytes("address")), topics, rs.getBytes("data")));
        });
  }

  private static List<StoredTransaction> attachLogs(
      List<StoredTransaction> txs, List<StoredLog> logs) {
    List<StoredTransaction> out = new ArrayList<>(txs.size());
    int li = 0;
    for (StoredTransaction t : txs) {
      List<StoredLog> mine = new ArrayList<>();
      while (li < logs.size() && logs.get(li).txIndex() < t.executed().index()) {
        li++;
      }
      while (li < logs.size() && logs.get(li).txIndex() == t.executed().index()) {
        mine.add(logs.get(li++));
      }
      Receipt r = t.executed().receipt();
      Receipt withLogs =
          new Receipt(
              r.success(),
              r.gasUsed(),
              r.cumulativeGasUsed(),
              r.effectiveGasPrice(),
              mine.stream().map(StoredLog::log).toList(),
              r.logsBloom());
      out.add(
          new StoredTransaction(
              t.blockNumber(),
              t.blockHash(),
              new ExecutedTransaction(t.executed().tx(), t.executed().index(), withLogs),
              mine));
    }
    return out;
  }

  private static StoredTransaction transaction(ResultSet rs, List<StoredLog> logs)
      throws SQLException {
    byte[] to = rs.getBytes("recipient");
    BlockTransaction tx =
        new BlockTransaction(
            rs.getBytes("hash"),
            rs.getInt("type"),
            new Address(rs.getBytes("sender")),
            to == null ? null : new Address(to),
            rs.getLong("nonce"),
            rs.getLong("gas_limit"),
            big(rs, "max_fee_per_gas"),
            big(rs, "max_priority_fee_per_gas"),
            big(rs, "value"),
            rs.getBytes("input"),
            rs.getLong("chain_id"),
            big(rs, "v"),
            big(rs, "r"),
            big(rs, "s"));
    Receipt receipt =
        new Receipt(
            rs.getInt("status") == 1,
            rs.getLong("gas_used"),
            rs.getLong("cumulative_gas_used"),
            big(rs, "effective_gas_price"),
            List.of(),
            rs.getBytes("logs_bloom"));
    return new StoredTransaction(
        rs.getLong("block_number"),
        rs.getBytes("block_hash"),
        new ExecutedTransaction(tx, rs.getInt("tx_index"), receipt),
        logs);
  }

  private static BigInteger big(ResultSet rs, String column) throws SQLException {
    return rs.getBigDecimal(column).toBigIntegerExact();
  }

  private BlockHeader header(ResultSet rs) throws SQLException {
    return new BlockHeader(
        chainId,
        rs.getLong("number"),
        rs.getBytes("parent_hash"),
        rs.getLong("timestamp"),
        rs.getBytes("transactions_root"),
        rs.getBytes("receipts_root"),
        rs.getBytes("state_root"),
        rs.getBytes("withdrawal_root"),
        rs.getInt("withdrawal_count"),
        rs.getLong("gas_used"),
        rs.getLong("gas_limit"),
        big(rs, "base_fee"),
        rs.getBytes("logs_bloom"),
        rs.getInt("transaction_count"));
  }

  @FunctionalInterface
  private interface Binder {
    void bind(PreparedStatement ps) throws SQLException;
  }

  @FunctionalInterface
  private interface RowMapper<T> {
    T map(ResultSet rs) throws SQLException;
  }

  private <T> List<T> query(String sql, Binder binder, RowMapper<T> mapper) {
    try (Connection c = dataSource.getConnection();
        PreparedStatement ps = c.prepareStatement(sql)) {
      binder.bind(ps);
      try (ResultSet rs = ps.executeQuery()) {
        List<T> out = new ArrayList<>();
        while (rs.next()) {
          out.add(mapper.map(rs));
        }
        return out;
      }
    } catch (SQLException e) {
      throw new StoreException("query failed: " + e.getMessage(), e);
    }
  }

  /** A database failure. */
  public static final class StoreException extends RuntimeException {
    public StoreException(String message, Throwable cause) {
      super(message, cause);
    }
  }
}
