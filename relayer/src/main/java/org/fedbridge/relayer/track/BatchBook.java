package org.fedbridge.relayer.track;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * Writes batches: the root each chain reports, the certificate once verified, the root posted on
 * L1; and moves the batch's transfers along. Callers run inside a transaction.
 */
@Component
class BatchBook {
  private final BatchRepository batches;
  private final TransferRepository transfers;
  private final TransferBook book;
  private final PartialTally tally;
  private final Clock clock;

  BatchBook(
      BatchRepository batches,
      TransferRepository transfers,
      TransferBook book,
      PartialTally tally,
      Clock clock) {
    this.batches = batches;
    this.transfers = transfers;
    this.book = book;
    this.tally = tally;
    this.clock = clock;
  }

  /**
   * The batch's row, created if missing and locked for this transaction. The sidechain and L1
   * watchers and the Kafka consumers update one batch from their own transactions: without the
   * lock, a certificate that arrived while the sidechain watcher was storing the block's root wrote
   * its fresh, rootless copy over it, and that withdrawal stayed "requested" for ever.
   */
  BatchEntity get(Kind kind, long batchId) {
    batches.insertIfAbsent(kind.name(), batchId, clock.instant());
    return batches.findLocked(new BatchEntity.Key(kind, batchId)).orElseThrow();
  }

  List<TransferEntity> transfersOf(Kind kind, long batchId) {
    return transfers.findByKindAndBatchIdOrderByLeafIndexAscNonceAsc(kind, batchId);
  }

  /** The chain that holds the batch says its root and size are these. */
  void chainRoot(Kind kind, long batchId, String root, int count, Instant at) {
    BatchEntity b = get(kind, batchId);
    b.root = root;
    b.leafCount = count;
    if (b.revokedAt != null && b.revokedRoot != null && !b.revokedRoot.equals(root)) {
      b.revokedAt = null; // what was revoked before the relayer knew the root was not this root
    }
    b.updatedAt = clock.instant();
    tally.recount(b);
    progress(b, at);
  }

  /** A certificate whose signature verified. */
  void certified(
      Kind kind, long batchId, long epoch, String root, int count, byte[] signature, Instant at) {
    BatchEntity b = get(kind, batchId);
    if (b.certified() && b.certEpoch != null && b.certEpoch >= epoch && root.equals(b.certRoot)) {
      return; // the same certificate again, or an older epoch's: nothing new
    }
    b.certEpoch = epoch;
    b.certRoot = root;
    b.certCount = count;
    b.certSignature = signature.clone();
    b.certifiedAt = b.certifiedAt == null ? at : b.certifiedAt;
    b.problem = null;
    b.updatedAt = clock.instant();
    progress(b, at);
  }

  /** A certificate that was refused, kept for operators. */
  void refused(Kind kind, long batchId, String problem) {
    BatchEntity b = get(kind, batchId);
    b.problem = problem;
    b.updatedAt = clock.instant();
  }

  /**
   * A root for this batch was posted on L1; it pays from {@code claimableAt} (the end of its
   * challenge window). Its withdrawals show the window while the L1 head is inside it.
   */
  void posted(
      long batchId, String root, String txHash, Instant at, Instant claimableAt, Instant l1Now) {
    BatchEntity b = get(Kind.WITHDRAWAL, batchId);
    if (b.root != null && !b.root.equals(root)) {
      // Not ours to fix (the relayer is untrusted): shown to users and operators; the vault's
      // pausers and watchers revoke such a root in its challenge window.
      b.problem = "the root posted on L1 (" + root + ") differs from the sidechain's";
    }
    b.postedRoot = root;
    b.postedTxHash = txHash;
    b.postedAt = at;
    b.claimableAt = claimableAt;
    b.updatedAt = clock.instant();
    progress(b, at);
    if (claimableAt.isAfter(l1Now) && root.equals(b.root)) {
      for (TransferEntity t : transfersOf(Kind.WITHDRAWAL, batchId)) {
        book.hold(
            t, Stage.CHALLENGE_WINDOW, Transfers.challengeWindow(claimableAt), claimableAt, at);
      }
    }
  }

  /**
   * A root posted for this batch was revoked on L1: it pays nothing, ever.
   *
   * @return whether it was the sidechain's root for this batch (its withdrawals are then revoked);
   *     false for a root that contradicted the sidechain, after which the real root can be posted
   */
  boolean revoked(long batchId, String root, Instant at) {
    BatchEntity b = get(Kind.WITHDRAWAL, batchId);
    b.revokedRoot = root;
    b.updatedAt = clock.instant();
    if (b.root != null && !b.root.equals(root)) {
      if (root.equals(b.postedRoot)) {
        // SECURITY: the vault freed the batch id; the sidechain's own root may now be posted.
        b.postedRoot = null;
        b.postedTxHash = null;
        b.postedAt = null;
        b.claimableAt = null;
      }
      b.problem =
          "a root that contradicts the sidechain ("
              + root
              + ") was posted for this block and"
              + " revoked; the sidechain's root can be posted";
      return false;
    }
    b.revokedAt = at;
    b.problem = "the root posted on L1 was revoked";
    return true;
  }

  /**
   * Moves the batch's transfers as far as the batch allows: certified once the certificate matches
   * the chain's root, root posted once the posted root is the chain's root.
   */
  void progress(BatchEntity b, Instant at) {
    Kind kind = b.key.kind();
    if (b.root == null) {
      return;
    }
    for (TransferEntity t : transfersOf(kind, b.key.batchId())) {
      if (b.postedTxHash != null && b.root.equals(b.postedRoot) && kind == Kind.WITHDRAWAL) {
        book.advance(t, Stage.ROOT_POSTED, "root posted on L1", null, at);
      } else if (b.certificateMatchesChain()) {
        book.advance(t, Stage.CERTIFIED, "certificate of epoch " + b.certEpoch, null, at);
      }
    }
  }
}
