package org.fedbridge.validator.batch;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.fedbridge.core.message.Deposit;
import org.fedbridge.core.message.Withdrawal;
import org.fedbridge.core.types.UInt256;

/**
 * The watchers' side of the batch store: cursors and what was read from each safe block. Every
 * write moves the chain's cursor from {@code previous} to the new block in the same database
 * transaction as the items, and fails if the cursor is not at {@code previous} (a second watcher,
 * or a bug): the stored chain of blocks can only grow one linked step at a time.
 */
public interface Observations {

  /** The last block whose items are fully stored, empty before the first. */
  Optional<BlockRef> cursor(Chain chain);

  /** The highest deposit (L1) or withdrawal (sidechain) nonce stored, empty before the first. */
  Optional<UInt256> lastNonce(Chain chain);

  /**
   * Stores a safe L1 block's deposits (all of them, log order) as its {@code DepositBatch} and
   * moves the L1 cursor to {@code block}.
   */
  void recordDeposits(
      Optional<BlockRef> previous, BlockRef block, List<Deposit> deposits, Instant safeAt);

  /**
   * Stores a sidechain block's withdrawals (block order) as its {@code WithdrawalBatch} and moves
   * the sidechain cursor to {@code block}.
   */
  void recordWithdrawals(
      Optional<BlockRef> previous, BlockRef block, List<Withdrawal> withdrawals, Instant safeAt);

  /** Moves the cursor over blocks that hold no items. */
  void advance(Chain chain, Optional<BlockRef> previous, BlockRef block);

  /** The cursor was not where the writer expected: nothing was written. */
  final class CursorMovedException extends IllegalStateException {
    public CursorMovedException(String message) {
      super(message);
    }
  }
}
