package org.fedbridge.validator.watch;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.fedbridge.core.merkle.MerkleTree;
import org.fedbridge.core.message.Withdrawal;
import org.fedbridge.core.types.Bytes32;
import org.fedbridge.core.types.UInt256;
import org.fedbridge.validator.batch.BlockRef;
import org.fedbridge.validator.batch.Chain;
import org.fedbridge.validator.batch.Observations;
import org.fedbridge.validator.signing.SigningHalt;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads each sidechain block's withdrawals from this operator's own replica ({@code
 * bridge_getWithdrawalRoot}, by block hash), and recomputes the block's withdrawal root with
 * bridge-core before anything is stored for signing. Sidechain blocks are final once cut (every
 * replica executes the same log), so the safe head is the head; the chain is still followed by
 * parent hash. A root, count or leaf that does not match what the listed withdrawals give, a hash
 * discontinuity, or a gap in withdrawal nonces halts signing.
 */
public final class SidechainWatcher {
  private static final Logger log = LoggerFactory.getLogger(SidechainWatcher.class);

  private final SidechainNode node;
  private final Observations store;
  private final SigningHalt halt;
  private final WatchState state;
  private final WatchMetrics metrics;
  private final Clock clock;
  private final long startBlock;
  private final int maxBlocks;
  private final Runnable onNewBatch;

  SidechainWatcher(
      SidechainNode node,
      Observations store,
      SigningHalt halt,
      WatchState state,
      WatchMetrics metrics,
      Clock clock,
      long startBlock,
      int maxBlocks,
      Runnable onNewBatch) {
    this.node = node;
    this.store = store;
    this.halt = halt;
    this.state = state;
    this.metrics = metrics;
    this.clock = clock;
    this.startBlock = startBlock;
    this.maxBlocks = maxBlocks;
    this.onNewBatch = onNewBatch;
  }

  /** One poll: up to {@code maxBlocks} new blocks. */
  public synchronized void poll() throws NodeException {
    long head = node.headNumber();
    state.sidechainHead(head);
    Optional<BlockRef> cursor = store.cursor(Chain.SIDECHAIN);
    cursor.ifPresent(c -> state.sidechainCursor(c.number()));
    if (halt.current().filter(h -> h.source().equals(Chain.SIDECHAIN.label())).isPresent()) {
      return;
    }
    if (cursor.isPresent()) {
      Optional<SidechainNode.Header> canonical = node.byNumber(cursor.get().number());
      if (canonical.isPresent() && !canonical.get().hash().equals(cursor.get().hash())) {
        metrics.reorg(Chain.SIDECHAIN);
        halt.halt(
            Chain.SIDECHAIN.label(),
            "sidechain block "
                + cursor.get().number()
                + " is now "
                + canonical.get().hash().toHex()
                + ", stored "
                + cursor.get().hash().toHex()
                + " (the replica's chain changed)");
        return;
      }
    }
    long next = cursor.map(c -> c.number() + 1).orElse(startBlock);
    long last = Math.min(head, next + maxBlocks - 1);
    Optional<BlockRef> persisted = cursor;
    Optional<BlockRef> previous = cursor;
    Optional<UInt256> lastNonce = store.lastNonce(Chain.SIDECHAIN);
    boolean newBatch = false;
    for (long n = next; n <= last; n++) {
      Optional<SidechainNode.Header> read = node.byNumber(n);
      if (read.isEmpty()) {
        break;
      }
      SidechainNode.Header block = read.get();
      if (previous.isPresent() && !block.parentHash().equals(previous.get().hash())) {
        metrics.reorg(Chain.SIDECHAIN);
        halt.halt(
            Chain.SIDECHAIN.label(),
            "hash discontinuity: sidechain block "
                + n
                + " has parent "
                + block.parentHash().toHex()
                + ", stored block "
                + previous.get().number()
                + " is "
                + previous.get().hash().toHex());
        break;
      }
      if (block.withdrawalCount() > 0 || !block.withdrawalRoot().equals(Bytes32.ZERO)) {
        SidechainNode.WithdrawalBlock listed = node.withdrawals(block.hash());
        Optional<String> mismatch = check(block, listed);
        if (mismatch.isEmpty()) {
          mismatch = nonceGap(lastNonce, listed.withdrawals());
        }
        if (mismatch.isPresent()) {
          halt.halt(Chain.SIDECHAIN.label(), "sidechain block " + n + ": " + mismatch.get());
          break;
        }
        List<Withdrawal> withdrawals =
            listed.withdrawals().stream().map(SidechainNode.Listed::withdrawal).toList();
        store.recordWithdrawals(persisted, block.ref(), withdrawals, clock.instant());
        persisted = Optional.of(block.ref());
        lastNonce = Optional.of(withdrawals.get(withdrawals.size() - 1).nonce());
        newBatch = true;
        log.info("sidechain block {}: {} withdrawals stored", n, withdrawals.size());
      }
      previous = Optional.of(block.ref());
    }
    if (previous.isPresent() && !previous.equals(persisted)) {
      store.advance(Chain.SIDECHAIN, persisted, previous.get());
    }
    previous.ifPresent(p -> state.sidechainCursor(p.number()));
    if (newBatch) {
      onNewBatch.run();
    }
  }

  /** Recomputes the withdrawal root from the listed withdrawals; empty when everything agrees. */
  static Optional<String> check(SidechainNode.Header block, SidechainNode.WithdrawalBlock listed) {
    if (listed.blockNumber() != block.number() || !listed.blockHash().equals(block.hash())) {
      return Optional.of("withdrawals answered for another block " + listed.blockHash().toHex());
    }
    int n = listed.withdrawals().size();
    if (n == 0 || listed.withdrawalCount() != n || block.withdrawalCount() != n) {
      return Optional.of(
          "withdrawal count mismatch: header "
              + block.withdrawalCount()
              + ", answer "
              + listed.withdrawalCount()
              + ", listed "
              + n);
    }
    List<Bytes32> leaves = new ArrayList<>(n);
    for (SidechainNode.Listed w : listed.withdrawals()) {
      Bytes32 leaf = w.withdrawal().leaf();
      if (!leaf.equals(w.leaf())) {
        return Optional.of("leaf of withdrawal " + w.withdrawal().nonce() + " does not match");
      }
      leaves.add(leaf);
    }
    // SECURITY: sign only a root recomputed here from the withdrawals themselves.
    Bytes32 root = MerkleTree.of(leaves).root();
    if (!root.equals(listed.withdrawalRoot()) || !root.equals(block.withdrawalRoot())) {
      return Optional.of(
          "withdrawal root mismatch: header "
              + block.withdrawalRoot().toHex()
              + ", answer "
              + listed.withdrawalRoot().toHex()
              + ", recomputed "
              + root.toHex());
    }
    return Optional.empty();
  }

  private static Optional<String> nonceGap(
      Optional<UInt256> last, List<SidechainNode.Listed> listed) {
    UInt256 expected = last.map(UInt256::increment).orElse(listed.get(0).withdrawal().nonce());
    for (SidechainNode.Listed w : listed) {
      if (!w.withdrawal().nonce().equals(expected)) {
        return Optional.of(
            "withdrawal nonce gap: expected " + expected + ", got " + w.withdrawal().nonce());
      }
      expected = expected.increment();
    }
    return Optional.empty();
  }
}
