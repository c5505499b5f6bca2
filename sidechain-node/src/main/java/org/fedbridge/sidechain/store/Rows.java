package org.fedbridge.sidechain.store;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import org.fedbridge.core.message.Withdrawal;
import org.fedbridge.core.types.Address;
import org.fedbridge.core.types.Bytes32;
import org.fedbridge.core.types.UInt256;
import org.fedbridge.sidechain.ledger.BlockHeader;
import org.fedbridge.sidechain.ledger.BlockTransaction;
import org.fedbridge.sidechain.ledger.ExecutedTransaction;
import org.fedbridge.sidechain.ledger.LogEntry;
import org.fedbridge.sidechain.ledger.Receipt;
import org.springframework.jdbc.core.RowMapper;

/**
 * One row mapper per row type of the schema (db/migrations/sidechain-node), and the value codecs.
 */
final class Rows {
  private Rows() {}

  /** {@code blocks} (the chain id is not stored: one database holds one chain). */
  static RowMapper<StoredBlock> block(long chainId) {
    return (rs, i) ->
        new StoredBlock(
            new BlockHeader(
                chainId,
                rs.getLong("number"),
                bytes32(rs, "parent_hash"),
                rs.getLong("timestamp"),
                bytes32(rs, "transactions_root"),
                bytes32(rs, "receipts_root"),
                bytes32(rs, "state_root"),
                bytes32(rs, "withdrawal_root"),
                rs.getInt("withdrawal_count"),
                rs.getLong("gas_used"),
                rs.getLong("gas_limit"),
                uint(rs, "base_fee"),
                rs.getBytes("logs_bloom"),
                rs.getInt("transaction_count")),
            bytes32(rs, "hash"),
            rs.getLong("next_offset"));
  }

  /** {@code transactions} joined with its block's hash; the receipt's logs come separately. */
  static final RowMapper<StoredTransaction> TRANSACTION =
      (rs, i) -> {
        byte[] to = rs.getBytes("recipient");
        BlockTransaction tx =
            new BlockTransaction(
                bytes32(rs, "hash"),
                rs.getInt("type"),
                new Address(rs.getBytes("sender")),
                to == null ? null : new Address(to),
                rs.getLong("nonce"),
                rs.getLong("gas_limit"),
                uint(rs, "max_fee_per_gas"),
                uint(rs, "max_priority_fee_per_gas"),
                uint(rs, "value"),
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
                uint(rs, "effective_gas_price"),
                List.of(),
                rs.getBytes("logs_bloom"));
        return new StoredTransaction(
            rs.getLong("block_number"),
            bytes32(rs, "block_hash"),
            new ExecutedTransaction(tx, rs.getInt("tx_index"), receipt),
            List.of());
      };

  /** {@code logs} joined with its block's hash. */
  static final RowMapper<StoredLog> LOG =
      (rs, i) -> {
        List<Bytes32> topics = new ArrayList<>(4);
        for (int t = 0; t < 4; t++) {
          byte[] topic = rs.getBytes("topic" + t);
          if (topic != null) {
            topics.add(new Bytes32(topic));
          }
        }
        return new StoredLog(
            rs.getLong("block_number"),
            bytes32(rs, "block_hash"),
            rs.getInt("log_index"),
            bytes32(rs, "tx_hash"),
            rs.getInt("tx_index"),
            new LogEntry(new Address(rs.getBytes("address")), topics, rs.getBytes("data")));
      };

  static final RowMapper<StoredWithdrawal> WITHDRAWAL =
      (rs, i) ->
          new StoredWithdrawal(
              rs.getLong("block_number"),
              rs.getInt("leaf_index"),
              new Withdrawal(
                  uint(rs, "nonce"),
                  new Address(rs.getBytes("l1_token")),
                  new Address(rs.getBytes("sender")),
                  new Address(rs.getBytes("l1_recipient")),
                  uint(rs, "amount")));

  /** A uint256 as PostgreSQL {@code NUMERIC(78, 0)}. */
  static BigDecimal numeric(UInt256 v) {
    return new BigDecimal(v.value());
  }

  static BigDecimal numeric(BigInteger v) {
    return new BigDecimal(v);
  }

  private static Bytes32 bytes32(ResultSet rs, String column) throws SQLException {
    return new Bytes32(rs.getBytes(column));
  }

  private static UInt256 uint(ResultSet rs, String column) throws SQLException {
    return new UInt256(big(rs, column));
  }

  private static BigInteger big(ResultSet rs, String column) throws SQLException {
    return rs.getBigDecimal(column).toBigIntegerExact();
  }
}
