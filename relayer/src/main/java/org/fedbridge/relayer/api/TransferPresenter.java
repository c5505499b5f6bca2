package org.fedbridge.relayer.api;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.fedbridge.relayer.RelayerProperties;
import org.fedbridge.relayer.track.ChainHeads;
import org.fedbridge.relayer.track.Kind;
import org.fedbridge.relayer.track.Stage;
import org.fedbridge.relayer.track.TransferView;
import org.fedbridge.relayer.vault.VaultMonitor;
import org.fedbridge.relayer.vault.VaultSnapshot;
import org.springframework.stereotype.Component;

/**
 * Turns what the relayer knows of a transfer into what a user reads: the stage with a reason
 * ("waiting for finality 1 of 2", "signatures 2 of 3", "delayed until …"), the transactions on both
 * chains, and an estimate of when the next stage is due.
 */
@Component
class TransferPresenter {
  private final RelayerProperties.L1 l1;
  private final RelayerProperties.Estimates estimates;
  private final ChainHeads heads;
  private final VaultMonitor vault;

  TransferPresenter(RelayerProperties properties, ChainHeads heads, VaultMonitor vault) {
    this.l1 = properties.l1();
    this.estimates = properties.api().estimates();
    this.heads = heads;
    this.vault = vault;
  }

  TransferResponse present(TransferView t) {
    String base =
        "/api/v1/" + (t.kind() == Kind.DEPOSIT ? "deposits/" : "withdrawals/") + t.nonce();
    Optional<VaultSnapshot.TokenState> token = vault.snapshot().flatMap(s -> s.token(t.l1Token()));
    Integer confirmations = null;
    if (t.kind() == Kind.DEPOSIT && t.batchId() != null) {
      long head = heads.l1().number();
      confirmations =
          (int) Math.max(0, Math.min(l1.confirmations(), head < 0 ? 0 : head - t.batchId() + 1));
      if (t.stage().rank() > Stage.SEEN.rank()) {
        confirmations = l1.confirmations();
      }
    }
    TransferView.BatchView b = t.batch();
    Integer signatures = b == null ? null : b.signatures();
    Integer threshold = b == null ? null : b.threshold();
    return new TransferResponse(
        t.kind(),
        t.nonce().toString(),
        new TransferResponse.Token(
            token.map(VaultSnapshot.TokenState::symbol).orElse(null),
            token.map(VaultSnapshot.TokenState::decimals).orElse(null),
            t.l1Token(),
            token.map(VaultSnapshot.TokenState::sidechainToken).orElse(null)),
        t.sender(),
        t.recipient(),
        t.amount().toString(),
        t.stage(),
        reason(t, confirmations, signatures, threshold),
        t.until(),
        new TransferResponse.Progress(
            confirmations,
            t.kind() == Kind.DEPOSIT ? l1.confirmations() : null,
            signatures,
            threshold),
        t.history().stream()
            .map(h -> new TransferResponse.StageEntry(h.stage(), h.detail(), h.at()))
            .toList(),
        transactions(t),
        b == null
            ? null
            : new TransferResponse.Batch(
                b.batchId(),
                b.root(),
                b.leafCount(),
                b.certificateEpoch(),
                b.certifiedAt(),
                b.postedAt(),
                b.revokedAt(),
                b.problem()),
        nextDue(t, confirmations),
        new TransferResponse.Links(
            base,
            base + "/events",
            t.kind() == Kind.WITHDRAWAL ? base + "/claim" : null,
            t.stage() == Stage.DEBT ? "/api/v1/addresses/" + t.recipient() + "/owed" : null));
  }

  private String reason(
      TransferView t, Integer confirmations, Integer signatures, Integer threshold) {
    String sigs =
        "signatures "
            + (signatures == null ? 0 : signatures)
            + " of "
            + (threshold == null ? "t" : threshold);
    return switch (t.stage()) {
      case SEEN ->
          "waiting for L1 finality: "
              + confirmations
              + " of "
              + l1.confirmations()
              + " confirmations";
      case FINAL -> "final on L1; waiting for the federation's " + sigs;
      case REQUESTED -> "burned on the sidechain; waiting for the federation's " + sigs;
      case CERTIFIED ->
          t.kind() == Kind.DEPOSIT
              ? "certified by the federation; waiting for the mint on the sidechain"
              : withProblem("certified by the federation; the root is being posted to L1", t);
      case MINTED -> "minted on the sidechain";
      case ROOT_POSTED ->
          t.detail() != null && t.detail().contains("reverted")
              ? t.detail()
              : "the root is on L1; the relayer claims it shortly";
      case CLAIMED -> "paid on L1";
      default -> t.detail() != null ? t.detail() : t.stage().name().toLowerCase();
    };
  }

  private static String withProblem(String text, TransferView t) {
    return t.batch() != null && t.batch().problem() != null
        ? text + " (" + t.batch().problem() + ")"
        : text;
  }

  private static List<TransferResponse.Tx> transactions(TransferView t) {
    List<TransferResponse.Tx> txs = new ArrayList<>();
    if (t.kind() == Kind.DEPOSIT) {
      add(txs, "l1", "deposit", t.sourceTxHash());
      add(txs, "sidechain", "mint", t.targetTxHash());
    } else {
      add(txs, "sidechain", "burn", t.sourceTxHash());
      add(txs, "l1", "postRoot", t.batch() == null ? null : t.batch().postedTxHash());
      add(txs, "l1", "claim", t.targetTxHash());
    }
    return txs;
  }

  private static void add(List<TransferResponse.Tx> txs, String chain, String role, String hash) {
    if (hash != null) {
      txs.add(new TransferResponse.Tx(chain, role, hash));
    }
  }

  private Instant nextDue(TransferView t, Integer confirmations) {
    if (t.stage().terminal()) {
      return null;
    }
    Instant since =
        t.history().isEmpty() ? t.updatedAt() : t.history().get(t.history().size() - 1).at();
    Duration block = estimates.l1BlockTime();
    return switch (t.stage()) {
      case SEEN ->
          since.plus(
              block.multipliedBy(
                  Math.max(1, l1.confirmations() - (confirmations == null ? 0 : confirmations))));
      case FINAL, REQUESTED -> since.plus(estimates.signingTime());
      case CERTIFIED ->
          since.plus(t.kind() == Kind.DEPOSIT ? estimates.mintTime() : block.multipliedBy(2));
      case ROOT_POSTED, CLAIMING -> since.plus(block.multipliedBy(2));
      case DELAYED, RATE_LIMITED, CHALLENGE_WINDOW ->
          t.until() == null ? null : t.until().plus(block.multipliedBy(2));
      default -> null; // paused, waiting for fees, blocked: no estimate can be honest
    };
  }
}
