package org.fedbridge.validator.batch;

import java.math.BigInteger;
import java.time.Instant;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import javax.sql.DataSource;
import org.fedbridge.core.message.Deposit;
import org.fedbridge.core.message.DepositBatch;
import org.fedbridge.core.message.MessageType;
import org.fedbridge.core.message.SignedMessage;
import org.fedbridge.core.message.Withdrawal;
import org.fedbridge.core.message.WithdrawalBatch;
import org.fedbridge.core.types.Address;
import org.fedbridge.core.types.Bytes32;
import org.fedbridge.core.types.UInt256;
import org.springframework.jdbc.core.JdbcTemplate;

/** {@link Batches} and {@link BatchQueue} in PostgreSQL, over what the watchers stored. */
final class JdbcBatches implements Batches, BatchQueue {
  private static final BigInteger MAX_BLOCK = BigInteger.valueOf(Long.MAX_VALUE);

  private final JdbcTemplate jdbc;

  JdbcBatches(DataSource dataSource) {
    this.jdbc = new JdbcTemplate(dataSource);
  }

  @Override
  public Optional<ObservedBatch> find(MessageType type, UInt256 batchId) {
    if (batchId.value().compareTo(MAX_BLOCK) > 0) {
      return Optional.empty();
    }
    long block = batchId.value().longValueExact();
    List<Bytes32> hash =
        jdbc.query(
            "SELECT block_hash FROM observed_batches WHERE message_type = ? AND batch_id = ?",
            (rs, i) -> Sql.bytes32(rs, "block_hash"),
            type.name(),
            block);
    if (hash.isEmpty()) {
      return Optional.empty();
    }
    return switch (type) {
      case DEPOSIT_BATCH ->
          Optional.of(new ObservedBatch.Deposits(batchId, hash.get(0), deposits(block)));
      case WITHDRAWAL_BATCH ->
          Optional.of(new ObservedBatch.Withdrawals(batchId, hash.get(0), withdrawals(block)));
      default -> Optional.empty();
    };
  }

  private List<Deposit> deposits(long block) {
    return jdbc.query(
        "SELECT nonce, token, sender, recipient, amount FROM deposits WHERE block_number = ?"
            + " ORDER BY position",
        (rs, i) ->
            new Deposit(
                Sql.uint(rs, "nonce"),
                Sql.address(rs, "token"),
                Sql.address(rs, "sender"),
                Sql.address(rs, "recipient"),
                Sql.uint(rs, "amount")),
        block);
  }

  private List<Withdrawal> withdrawals(long block) {
    return jdbc.query(
        "SELECT nonce, l1_token, sender, l1_recipient, amount FROM withdrawals"
            + " WHERE block_number = ? ORDER BY position",
        (rs, i) ->
            new Withdrawal(
                Sql.uint(rs, "nonce"),
                Sql.address(rs, "l1_token"),
                Sql.address(rs, "sender"),
                Sql.address(rs, "l1_recipient"),
                Sql.uint(rs, "amount")),
        block);
  }

  @Override
  public List<Open> open(MessageType type, int limit) {
    return jdbc.query(
        "SELECT batch_id, block_hash, item_root, item_count, safe_at, status, hold_stage,"
            + " hold_reason"
            + " FROM observed_batches WHERE message_type = ? AND status <> 'SIGNED'"
            + " ORDER BY batch_id LIMIT ?",
        (rs, i) -> {
          UInt256 id = UInt256.of(rs.getLong("batch_id"));
          Bytes32 root = Sql.bytes32(rs, "item_root");
          UInt256 count = UInt256.of(rs.getInt("item_count"));
          SignedMessage commitment =
              type == MessageType.DEPOSIT_BATCH
                  ? new DepositBatch(id, root, count)
                  : new WithdrawalBatch(id, root, count);
          return new Open(
              type,
              id,
              Sql.bytes32(rs, "block_hash"),
              commitment,
              Sql.instant(rs, "safe_at"),
              Status.valueOf(rs.getString("status")),
              Optional.ofNullable(rs.getString("hold_stage")),
              Optional.ofNullable(rs.getString("hold_reason")));
        },
        type.name(),
        limit);
  }

  @Override
  public void hold(
      MessageType type,
      UInt256 batchId,
      String stage,
      String reason,
      Optional<Address> token,
      Optional<Instant> retryAt) {
    jdbc.update(
        "UPDATE observed_batches SET status = 'HELD', hold_stage = ?, hold_reason = ?,"
            + " hold_token = ?, retry_at = ? WHERE message_type = ? AND batch_id = ?"
            + " AND status <> 'SIGNED'",
        stage,
        reason,
        token.map(Address::bytes).orElse(null),
        Sql.time(retryAt.orElse(null)),
        type.name(),
        batchId.value().longValueExact());
  }

  @Override
  public void markSigned(MessageType type, UInt256 batchId, long epoch, Instant signedAt) {
    jdbc.update(
        "UPDATE observed_batches SET status = 'SIGNED', signed_epoch = ?, signed_at = ?,"
            + " hold_stage = NULL, hold_reason = NULL, hold_token = NULL, retry_at = NULL"
            + " WHERE message_type = ? AND batch_id = ? AND status <> 'SIGNED'",
        epoch,
        Sql.time(signedAt),
        type.name(),
        batchId.value().longValueExact());
  }

  @Override
  public Map<Address, UInt256> depositedPerToken() {
    return sums("SELECT token AS t, sum(amount) AS s FROM deposits GROUP BY token");
  }

  @Override
  public Map<Address, UInt256> signedWithdrawalsPerToken() {
    return sums(
        "SELECT w.l1_token AS t, sum(w.amount) AS s FROM withdrawals w JOIN observed_batches b"
            + " ON b.message_type = 'WITHDRAWAL_BATCH' AND b.batch_id = w.block_number"
            + " WHERE b.status = 'SIGNED' GROUP BY w.l1_token");
  }

  private Map<Address, UInt256> sums(String sql) {
    Map<Address, UInt256> out = new LinkedHashMap<>();
    jdbc.query(
        sql,
        rs -> {
          out.put(Sql.address(rs, "t"), Sql.uint(rs, "s"));
        });
    return out;
  }

  @Override
  public List<Outflow> signedOutflowsSince(Instant since) {
    return jdbc.query(
        "SELECT w.l1_token AS t, sum(w.amount) AS s, b.signed_at FROM withdrawals w"
            + " JOIN observed_batches b ON b.message_type = 'WITHDRAWAL_BATCH'"
            + " AND b.batch_id = w.block_number"
            + " WHERE b.status = 'SIGNED' AND b.signed_at >= ?"
            + " GROUP BY b.batch_id, b.signed_at, w.l1_token ORDER BY b.signed_at",
        (rs, i) ->
            new Outflow(Sql.address(rs, "t"), Sql.uint(rs, "s"), Sql.instant(rs, "signed_at")),
        Sql.time(since));
  }

  @Override
  public Set<Address> openWithdrawalTokens() {
    Set<Address> out = new HashSet<>();
    jdbc.query(
        "SELECT DISTINCT w.l1_token FROM withdrawals w JOIN observed_batches b"
            + " ON b.message_type = 'WITHDRAWAL_BATCH' AND b.batch_id = w.block_number"
            + " WHERE b.status <> 'SIGNED'",
        rs -> {
          out.add(Sql.address(rs, "l1_token"));
        });
    return out;
  }

  @Override
  public int heldCount() {
    Integer n =
        jdbc.queryForObject(
            "SELECT count(*) FROM observed_batches WHERE status = 'HELD'", Integer.class);
    return n == null ? 0 : n;
  }
}
