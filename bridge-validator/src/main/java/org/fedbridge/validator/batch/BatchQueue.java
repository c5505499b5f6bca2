package org.fedbridge.validator.batch;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.fedbridge.core.message.MessageType;
import org.fedbridge.core.message.SignedMessage;
import org.fedbridge.core.types.Address;
import org.fedbridge.core.types.Bytes32;
import org.fedbridge.core.types.UInt256;

/**
 * The signing loop's side of the batch store: batches still to sign, holds, what was signed, and
 * the per-token sums the limits and the accountant need.
 */
public interface BatchQueue {

  /** Where a batch is in signing. */
  enum Status {
    PENDING,
    HELD,
    SIGNED
  }

  /**
   * A batch waiting for the pipeline.
   *
   * @param commitment the batch message computed when the block was read (root and count)
   * @param safeAt when the batch became safe (stored by the watcher)
   * @param holdStage the pipeline stage that holds it, empty when it has not been held
   * @param holdReason why it waits, empty when it has not been held
   */
  record Open(
      MessageType type,
      UInt256 batchId,
      Bytes32 blockHash,
      SignedMessage commitment,
      Instant safeAt,
      Status status,
      Optional<String> holdStage,
      Optional<String> holdReason) {}

  /** One token's total in one signed withdrawal batch, at the time it was signed. */
  record Outflow(Address token, UInt256 amount, Instant signedAt) {}

  /** Open (pending or held) batches of {@code type}, lowest batch id first. */
  List<Open> open(MessageType type, int limit);

  /** Records that a batch waits (and why); it stays open and is retried. */
  void hold(
      MessageType type,
      UInt256 batchId,
      String stage,
      String reason,
      Optional<Address> token,
      Optional<Instant> retryAt);

  /** Records that this member's partial for the batch was handed to the publisher. */
  void markSigned(MessageType type, UInt256 batchId, long epoch, Instant signedAt);

  /** Sum of all stored (safe) deposits per token. */
  Map<Address, UInt256> depositedPerToken();

  /** Sum of the withdrawals in signed withdrawal batches per token. */
  Map<Address, UInt256> signedWithdrawalsPerToken();

  /** Per-token totals of withdrawal batches signed at or after {@code since}. */
  List<Outflow> signedOutflowsSince(Instant since);

  /** Tokens of the withdrawals in open (not yet signed) withdrawal batches. */
  Set<Address> openWithdrawalTokens();

  /** Number of batches currently held. */
  int heldCount();
}
