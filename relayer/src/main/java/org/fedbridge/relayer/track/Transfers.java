package org.fedbridge.relayer.track;

import java.math.BigInteger;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.fedbridge.core.merkle.MerkleTree;
import org.fedbridge.core.message.Withdrawal;
import org.fedbridge.core.types.Address;
import org.fedbridge.core.types.Bytes32;
import org.fedbridge.core.types.UInt256;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The tracking feature's face: what the API shows and what the submitter needs (certified roots to
 * post, withdrawals to claim with their proofs), and how the submitter records what it does.
 */
@Service
public class Transfers {
  private static final EnumSet<Stage> CLAIM_STAGES =
      EnumSet.of(
          Stage.ROOT_POSTED,
          Stage.CHALLENGE_WINDOW,
          Stage.DELAYED,
          Stage.RATE_LIMITED,
          Stage.PAUSED,
          Stage.WAITING_FEES,
          Stage.BLOCKED,
          Stage.CLAIMING);

  private final TransferRepository transfers;
  private final TransferStageRepository stages;
  private final BatchRepository batches;
  private final TransferBook book;
  private final BatchBook batchBook;
  private final Clock clock;

  Transfers(
      TransferRepository transfers,
      TransferStageRepository stages,
      BatchRepository batches,
      TransferBook book,
      BatchBook batchBook,
      Clock clock) {
    this.transfers = transfers;
    this.stages = stages;
    this.batches = batches;
    this.book = book;
    this.batchBook = batchBook;
    this.clock = clock;
  }

  // ------------------------------------------------------------------ reads for the API

  @Transactional(readOnly = true)
  public Optional<TransferView> find(Kind kind, BigInteger nonce) {
    return transfers.findByKindAndNonce(kind, nonce).map(t -> views(List.of(t)).get(0));
  }

  /** Transfers whose source or target transaction (on either chain) is {@code hash}. */
  @Transactional(readOnly = true)
  public List<TransferView> byTransaction(String hash) {
    return views(transfers.findByTxHash(hash.toLowerCase(java.util.Locale.ROOT)));
  }

  /** An address's transfers on both chains (as sender or recipient), newest first. */
  @Transactional(readOnly = true)
  public Page<TransferView> byAddress(String address, int page, int size) {
    Page<TransferEntity> rows =
        transfers.findByAddress(
            address.toLowerCase(java.util.Locale.ROOT), PageRequest.of(page, size));
    List<TransferView> views = views(rows.getContent());
    return rows.map(t -> views.stream().filter(v -> v.id() == t.id).findFirst().orElseThrow());
  }

  /** The proof and certificate a withdrawal is claimed with, once its batch is certified. */
  @Transactional(readOnly = true)
  public Optional<ClaimProof> claimProof(BigInteger nonce) {
    Optional<TransferEntity> t = transfers.findByKindAndNonce(Kind.WITHDRAWAL, nonce);
    if (t.isEmpty() || t.get().batchId == null) {
      return Optional.empty();
    }
    Optional<BatchEntity> b =
        batches.findById(new BatchEntity.Key(Kind.WITHDRAWAL, t.get().batchId));
    if (b.isEmpty() || !b.get().certificateMatchesChain()) {
      return Optional.empty();
    }
    return proofs(b.get(), List.of(t.get())).stream().findFirst();
  }

  // ------------------------------------------------------------------ for the submitter

  /** A certified withdrawal root not yet on L1, ready to post. */
  public record PostableBatch(
      long batchId, Bytes32 root, int count, long epoch, byte[] signature) {}

  /** Certified batches whose certificate matches the sidechain's root and that are not posted. */
  @Transactional(readOnly = true)
  public List<PostableBatch> postable(int limit) {
    List<PostableBatch> out = new ArrayList<>();
    for (BatchEntity b : batches.findCertifiedUnposted(PageRequest.of(0, limit))) {
      if (b.certificateMatchesChain()) {
        out.add(
            new PostableBatch(
                b.key.batchId(),
                Bytes32.fromHex(b.root),
                b.leafCount,
                b.certEpoch,
                b.certSignature.clone()));
      }
    }
    return out;
  }

  /** Withdrawals whose root is on L1 and that are not paid, with their proofs, oldest first. */
  @Transactional(readOnly = true)
  public List<ClaimProof> claimable(int limit) {
    List<TransferEntity> open =
        transfers.findOpen(Kind.WITHDRAWAL, CLAIM_STAGES, PageRequest.of(0, limit));
    Map<Long, List<TransferEntity>> byBatch =
        open.stream().filter(t -> t.batchId != null).collect(Collectors.groupingBy(t -> t.batchId));
    List<ClaimProof> out = new ArrayList<>();
    byBatch.forEach(
        (batchId, ts) ->
            batches
                .findById(new BatchEntity.Key(Kind.WITHDRAWAL, batchId))
                .filter(b -> b.postedAt != null && b.root != null && b.root.equals(b.postedRoot))
                .filter(b -> b.revokedAt == null)
                .ifPresent(b -> out.addAll(proofs(b, ts))));
    out.sort((a, b) -> a.withdrawal().nonce().compareTo(b.withdrawal().nonce()));
    return out;
  }

  /** Withdrawals the vault settled (paid or owed) from {@code since} on: its outflow window. */
  @Transactional(readOnly = true)
  public List<Outflow> outflowsSince(Instant since) {
    return transfers.findSettledSince(Kind.WITHDRAWAL, since).stream()
        .map(t -> new Outflow(t.l1Token, t.settledAt, t.amount))
        .toList();
  }

  /** Withdrawals to {@code recipient} whose payout failed and that it has not pulled yet. */
  @Transactional(readOnly = true)
  public List<TransferView> debtsOf(String recipient) {
    return views(
        transfers.findByKindAndStageAndRecipientOrderByNonce(
            Kind.WITHDRAWAL, Stage.DEBT, recipient.toLowerCase(java.util.Locale.ROOT)));
  }

  /** What a withdrawal in its root's challenge window shows (the watcher and the planner agree). */
  public static String challengeWindow(Instant claimableAt) {
    return "the root is in its challenge window until "
        + claimableAt
        + " (a pauser may revoke it until then)";
  }

  /** What a withdrawal whose payout failed shows: the vault owes it, and how its owner pulls it. */
  public static String debt(String recipient, String l1Token) {
    return "the vault could not pay "
        + recipient
        + " (it refused the transfer) and owes it instead: "
        + recipient
        + " pulls it by sending withdrawOwed("
        + l1Token
        + ", to) to the vault (GET /api/v1/addresses/"
        + recipient
        + "/owed has the calldata)";
  }

  /** Sets a hold or the claiming stage of withdrawals whose root is on L1. */
  @Transactional
  public void hold(Collection<BigInteger> nonces, Stage stage, String detail, Instant until) {
    for (TransferEntity t : transfers.findByKindAndNonceIn(Kind.WITHDRAWAL, nonces)) {
      book.hold(t, stage, detail, until, clock.instant());
    }
  }

  /** Records why posting a batch's root failed (for operators and users). */
  @Transactional
  public void batchProblem(long batchId, String problem) {
    batchBook.refused(Kind.WITHDRAWAL, batchId, problem);
  }

  // ------------------------------------------------------------------ helpers

  private List<ClaimProof> proofs(BatchEntity b, List<TransferEntity> wanted) {
    List<TransferEntity> all = batchBook.transfersOf(Kind.WITHDRAWAL, b.key.batchId());
    if (all.size() != b.leafCount
        || all.stream().anyMatch(t -> t.leafIndex == null || t.sender == null)) {
      return List.of(); // the sidechain watcher has not stored the whole batch yet
    }
    List<Withdrawal> leaves = all.stream().map(Transfers::withdrawal).toList();
    MerkleTree tree = MerkleTree.of(leaves.stream().map(Withdrawal::leaf).toList());
    if (!tree.root().toHex().equals(b.root)) {
      return List.of();
    }
    List<ClaimProof> out = new ArrayList<>();
    for (TransferEntity t : wanted) {
      int i = t.leafIndex;
      out.add(
          new ClaimProof(
              leaves.get(i),
              b.key.batchId(),
              tree.root(),
              b.leafCount,
              i,
              tree.proof(i).siblings(),
              b.certEpoch,
              b.certSignature == null ? null : b.certSignature.clone(),
              b.postedAt != null && b.root.equals(b.postedRoot) ? b.postedAt : null,
              b.postedAt != null && b.root.equals(b.postedRoot) ? b.claimableAt : null,
              t.stage));
    }
    return out;
  }

  private static Withdrawal withdrawal(TransferEntity t) {
    return new Withdrawal(
        new UInt256(t.nonce),
        Address.fromHex(t.l1Token),
        Address.fromHex(t.sender),
        Address.fromHex(t.recipient),
        new UInt256(t.amount));
  }

  private List<TransferView> views(List<TransferEntity> rows) {
    if (rows.isEmpty()) {
      return List.of();
    }
    Map<Long, List<TransferView.StageEntry>> history = new HashMap<>();
    for (TransferStageEntity s :
        stages.findByTransferIdInOrderByIdAsc(rows.stream().map(t -> t.id).toList())) {
      history
          .computeIfAbsent(s.transferId, k -> new ArrayList<>())
          .add(new TransferView.StageEntry(s.stage, s.detail, s.at));
    }
    // One query for the batches of the whole page, not one per transfer.
    Map<BatchEntity.Key, BatchEntity> batchRows = new HashMap<>();
    batches
        .findAllById(
            rows.stream()
                .filter(t -> t.batchId != null)
                .map(t -> new BatchEntity.Key(t.kind, t.batchId))
                .distinct()
                .toList())
        .forEach(b -> batchRows.put(b.key, b));
    List<TransferView> out = new ArrayList<>();
    for (TransferEntity t : rows) {
      BatchEntity row =
          t.batchId == null ? null : batchRows.get(new BatchEntity.Key(t.kind, t.batchId));
      TransferView.BatchView batch = row == null ? null : batchView(row);
      out.add(
          new TransferView(
              t.id,
              t.kind,
              t.nonce,
              t.l1Token,
              t.sender,
              t.recipient,
              t.amount,
              t.stage,
              t.stageDetail,
              t.stageUntil,
              t.batchId,
              t.leafIndex,
              t.sourceTxHash,
              t.targetTxHash,
              batch,
              List.copyOf(history.getOrDefault(t.id, List.of())),
              t.updatedAt));
    }
    return out;
  }

  private static TransferView.BatchView batchView(BatchEntity b) {
    return new TransferView.BatchView(
        b.key.batchId(),
        b.root,
        b.leafCount,
        b.certEpoch,
        b.certifiedAt,
        b.certified() ? Math.max(b.partials, b.threshold == null ? 0 : b.threshold) : b.partials,
        b.threshold,
        b.postedTxHash,
        b.postedAt,
        b.revokedAt,
        b.problem);
  }
}
