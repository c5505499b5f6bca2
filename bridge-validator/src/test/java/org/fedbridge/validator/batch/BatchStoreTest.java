package org.fedbridge.validator.batch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.zaxxer.hikari.HikariDataSource;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.fedbridge.core.message.Deposit;
import org.fedbridge.core.message.DepositBatch;
import org.fedbridge.core.message.MessageType;
import org.fedbridge.core.message.Withdrawal;
import org.fedbridge.core.types.Address;
import org.fedbridge.core.types.Keccak;
import org.fedbridge.core.types.UInt256;
import org.fedbridge.validator.testing.MutableClock;
import org.fedbridge.validator.testing.TestDatabase;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The batch store on real PostgreSQL: items, batch and cursor move together, only from where the
 * writer read the cursor, and what was stored is read back exactly (also by a new instance).
 */
class BatchStoreTest {
  private static final Address A = Address.fromHex("0x00000000000000000000000000000000000000a1");
  private static final Address TOKEN =
      Address.fromHex("0x00000000000000000000000000000000000000f1");
  private final MutableClock clock = MutableClock.at("2026-06-01T00:00:00Z");
  private TestDatabase db;
  private HikariDataSource ds;
  private BatchConfiguration.Store store;

  @BeforeEach
  void open() {
    db = TestDatabase.fresh("validator_batch_store");
    ds = db.open();
    store = BatchConfiguration.Store.over(ds, clock);
  }

  @AfterEach
  void close() {
    ds.close();
  }

  private static Deposit deposit(long nonce, Address token, long amount) {
    return new Deposit(UInt256.of(nonce), token, A, A, UInt256.of(amount));
  }

  private static BlockRef block(long n) {
    return new BlockRef(n, Keccak.hash(("b" + n).getBytes()));
  }

  @Test
  void itemsBatchAndCursorAreStoredTogetherAndReadBackExactly() {
    List<Deposit> deposits = List.of(deposit(1, Address.ZERO, 5), deposit(2, TOKEN, 7));
    Instant safeAt = clock.instant();
    store.observations().recordDeposits(Optional.empty(), block(10), deposits, safeAt);

    ObservedBatch found =
        store.batches().find(MessageType.DEPOSIT_BATCH, UInt256.of(10)).orElseThrow();
    assertThat(found)
        .isEqualTo(new ObservedBatch.Deposits(UInt256.of(10), block(10).hash(), deposits));
    assertThat(store.observations().cursor(Chain.L1)).contains(block(10));
    assertThat(store.observations().lastNonce(Chain.L1)).contains(UInt256.of(2));
    BatchQueue.Open open = store.queue().open(MessageType.DEPOSIT_BATCH, 10).get(0);
    assertThat(open.commitment()).isEqualTo(DepositBatch.of(UInt256.of(10), deposits));
    assertThat(open.safeAt()).isEqualTo(safeAt);
    assertThat(store.queue().depositedPerToken())
        .isEqualTo(Map.of(Address.ZERO, UInt256.of(5), TOKEN, UInt256.of(7)));

    // a new instance (a restart) reads the same
    BatchConfiguration.Store again = BatchConfiguration.Store.over(ds, clock);
    assertThat(again.observations().cursor(Chain.L1)).contains(block(10));
    assertThat(again.batches().find(MessageType.DEPOSIT_BATCH, UInt256.of(10))).contains(found);
    assertThat(again.batches().find(MessageType.WITHDRAWAL_BATCH, UInt256.of(10))).isEmpty();
  }

  @Test
  void aWriterWhoseCursorMovedWritesNothing() {
    store
        .observations()
        .recordDeposits(
            Optional.empty(), block(10), List.of(deposit(1, Address.ZERO, 5)), clock.instant());
    // a second writer that still believes there is no cursor, or an older one
    assertThatThrownBy(
            () ->
                store
                    .observations()
                    .recordDeposits(
                        Optional.empty(),
                        block(11),
                        List.of(deposit(2, Address.ZERO, 1)),
                        clock.instant()))
        .isInstanceOf(Observations.CursorMovedException.class);
    assertThatThrownBy(
            () ->
                store
                    .observations()
                    .recordDeposits(
                        Optional.of(block(9)),
                        block(11),
                        List.of(deposit(2, Address.ZERO, 1)),
                        clock.instant()))
        .isInstanceOf(Observations.CursorMovedException.class);
    // a cursor at the right number but another hash (another chain) is not the cursor either
    assertThatThrownBy(
            () ->
                store
                    .observations()
                    .advance(
                        Chain.L1,
                        Optional.of(new BlockRef(10, Keccak.hash("x".getBytes()))),
                        block(12)))
        .isInstanceOf(Observations.CursorMovedException.class);
    assertThatThrownBy(
            () -> store.observations().advance(Chain.L1, Optional.of(block(10)), block(10)))
        .isInstanceOf(IllegalArgumentException.class);

    JdbcTemplate jdbc = new JdbcTemplate(ds);
    assertThat(jdbc.queryForObject("SELECT count(*) FROM deposits", Integer.class)).isEqualTo(1);
    assertThat(jdbc.queryForObject("SELECT count(*) FROM observed_batches", Integer.class))
        .isEqualTo(1);
    assertThat(store.observations().cursor(Chain.L1)).contains(block(10));
    // the rightful writer moves on
    store.observations().advance(Chain.L1, Optional.of(block(10)), block(12));
    assertThat(store.observations().cursor(Chain.L1)).contains(block(12));
  }

  @Test
  void aRepeatedNonceRollsBackTheWholeBlock() {
    store
        .observations()
        .recordDeposits(
            Optional.empty(), block(10), List.of(deposit(1, Address.ZERO, 5)), clock.instant());
    assertThatThrownBy(
            () ->
                store
                    .observations()
                    .recordDeposits(
                        Optional.of(block(10)),
                        block(11),
                        List.of(deposit(2, Address.ZERO, 1), deposit(1, Address.ZERO, 9)),
                        clock.instant()))
        .isInstanceOf(RuntimeException.class);
    assertThat(store.observations().cursor(Chain.L1)).contains(block(10));
    assertThat(store.batches().find(MessageType.DEPOSIT_BATCH, UInt256.of(11))).isEmpty();
    assertThat(new JdbcTemplate(ds).queryForObject("SELECT count(*) FROM deposits", Integer.class))
        .isEqualTo(1);
  }

  @Test
  void signedWithdrawalsAreCountedPerTokenAndInTheirWindow() {
    Withdrawal w1 = new Withdrawal(UInt256.ONE, Address.ZERO, A, A, UInt256.of(3));
    Withdrawal w2 = new Withdrawal(UInt256.of(2), TOKEN, A, A, UInt256.of(4));
    Withdrawal w3 = new Withdrawal(UInt256.of(3), Address.ZERO, A, A, UInt256.of(2));
    store
        .observations()
        .recordWithdrawals(Optional.empty(), block(5), List.of(w1, w2), clock.instant());
    store
        .observations()
        .recordWithdrawals(Optional.of(block(5)), block(6), List.of(w3), clock.instant());
    assertThat(store.queue().openWithdrawalTokens()).containsExactlyInAnyOrder(Address.ZERO, TOKEN);

    Instant t1 = clock.instant();
    store.queue().markSigned(MessageType.WITHDRAWAL_BATCH, UInt256.of(5), 0, t1);
    assertThat(store.queue().signedWithdrawalsPerToken())
        .isEqualTo(Map.of(Address.ZERO, UInt256.of(3), TOKEN, UInt256.of(4)));
    assertThat(store.queue().signedOutflowsSince(t1))
        .containsExactlyInAnyOrder(
            new BatchQueue.Outflow(Address.ZERO, UInt256.of(3), t1),
            new BatchQueue.Outflow(TOKEN, UInt256.of(4), t1));
    assertThat(store.queue().signedOutflowsSince(t1.plusSeconds(1))).isEmpty();
    assertThat(store.queue().open(MessageType.WITHDRAWAL_BATCH, 10))
        .extracting(BatchQueue.Open::batchId)
        .containsExactly(UInt256.of(6));

    store
        .queue()
        .hold(
            MessageType.WITHDRAWAL_BATCH,
            UInt256.of(6),
            "limits",
            "why",
            Optional.of(TOKEN),
            Optional.empty());
    assertThat(store.queue().heldCount()).isEqualTo(1);
    BatchQueue.Open held = store.queue().open(MessageType.WITHDRAWAL_BATCH, 10).get(0);
    assertThat(held.status()).isEqualTo(BatchQueue.Status.HELD);
    assertThat(held.holdStage()).contains("limits");
    assertThat(held.holdReason()).contains("why");
    // signed is final: a later hold does not reopen it
    store
        .queue()
        .hold(
            MessageType.WITHDRAWAL_BATCH,
            UInt256.of(5),
            "limits",
            "late",
            Optional.empty(),
            Optional.empty());
    assertThat(store.queue().signedWithdrawalsPerToken()).containsKey(TOKEN);
  }
}
