package org.fedbridge.validator.watch;

import java.time.Clock;
import java.util.List;
import java.util.Optional;
import org.fedbridge.core.message.Deposit;
import org.fedbridge.core.types.Address;
import org.fedbridge.core.types.Result;
import org.fedbridge.core.types.UInt256;
import org.fedbridge.validator.ValidatorProperties.Finality;
import org.fedbridge.validator.batch.BlockRef;
import org.fedbridge.validator.batch.Chain;
import org.fedbridge.validator.batch.Observations;
import org.fedbridge.validator.signing.SigningHalt;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads the vault's deposits from L1, block by block, up to the safe head only (the {@code
 * finalized} tag where the node offers it, else head minus {@code confirmations}). It follows the
 * chain by parent hash from its stored cursor (number and hash), reads each block's logs by block
 * hash, and stores the block's deposits and the new cursor in one transaction, so a restart resumes
 * exactly after the last stored block. The next few blocks are read while one is being stored
 * ({@link L1BlockReader}); they are still checked and stored strictly one after the other, and
 * whatever was read ahead of a failure or a restart is dropped and read again.
 *
 * <p>Fail closed: if the block under the cursor is no longer the one stored, or a block's parent is
 * not the stored cursor, the chain changed below the safe head — something the finality rule says
 * cannot happen. Signing halts, the reorg is counted, and the watcher stops advancing. A deposit in
 * a block that is reorged out before it is safe is never read at all. A gap in the vault's deposit
 * nonces (logs the node did not return) also halts.
 */
public final class L1Watcher {
  private static final Logger log = LoggerFactory.getLogger(L1Watcher.class);

  private final L1Node node;
  private final Observations store;
  private final SigningHalt halt;
  private final WatchState state;
  private final WatchMetrics metrics;
  private final Clock clock;
  private final Address vault;
  private final long startBlock;
  private final int confirmations;
  private final int maxBlocks;
  private final Runnable onNewBatch;
  private final L1BlockReader reader;
  private Finality finality;
  private L1Header lastHead;

  L1Watcher(
      L1Node node,
      Observations store,
      SigningHalt halt,
      WatchState state,
      WatchMetrics metrics,
      Clock clock,
      Address vault,
      Finality finality,
      int confirmations,
      long startBlock,
      int maxBlocks,
      int readAhead,
      Runnable onNewBatch) {
    this.node = node;
    this.store = store;
    this.halt = halt;
    this.state = state;
    this.metrics = metrics;
    this.clock = clock;
    this.vault = vault;
    this.finality = finality;
    this.confirmations = confirmations;
    this.startBlock = startBlock;
    this.maxBlocks = maxBlocks;
    this.onNewBatch = onNewBatch;
    this.reader = new L1BlockReader(node, vault, readAhead);
  }

  /** One poll: up to {@code maxBlocks} new safe blocks. */
  public synchronized void poll() throws NodeException {
    L1Header head = node.latest();
    boolean reorgCounted = trackHead(head);
    long safe = safeHead(head);
    state.l1(head.number(), safe);
    Optional<BlockRef> cursor = store.cursor(Chain.L1);
    cursor.ifPresent(c -> state.l1Cursor(c.number()));
    if (halt.current().filter(h -> h.source().equals(Chain.L1.label())).isPresent()) {
      return; // halted by this watcher: the stored chain is not the node's; wait for an operator
    }
    if (cursor.isPresent()) {
      Optional<L1Header> canonical = node.byNumber(cursor.get().number());
      if (canonical.isPresent() && !canonical.get().hash().equals(cursor.get().hash())) {
        failClosed(
            "reorg below the safe head: L1 block "
                + cursor.get().number()
                + " is now "
                + canonical.get().hash().toHex()
                + ", stored and read as safe "
                + cursor.get().hash().toHex(),
            reorgCounted ? null : Chain.L1);
        return;
      }
    }
    long next = cursor.map(c -> c.number() + 1).orElse(startBlock);
    long last = Math.min(safe, next + maxBlocks - 1);
    Optional<BlockRef> persisted = cursor;
    Optional<BlockRef> previous = cursor;
    Optional<UInt256> lastNonce = store.lastNonce(Chain.L1);
    boolean newBatch = false;
    try (L1BlockReader.Blocks blocks = reader.blocks(next, last)) {
      for (long n = next; n <= last; n++) {
        long t0 = System.nanoTime();
        Optional<L1BlockReader.Read> read = blocks.next();
        if (read.isEmpty()) {
          break; // the node does not have it (yet); try again next poll
        }
        L1Header block = read.get().header();
        // SECURITY: follow the chain by parent hash; a break below the safe head fails closed.
        if (previous.isPresent() && !block.parentHash().equals(previous.get().hash())) {
          failClosed(
              "hash discontinuity below the safe head: L1 block "
                  + n
                  + " has parent "
                  + block.parentHash().toHex()
                  + ", stored block "
                  + previous.get().number()
                  + " is "
                  + previous.get().hash().toHex(),
              reorgCounted ? null : Chain.L1);
          break;
        }
        List<Deposit> deposits = List.of();
        if (read.get().logs().isPresent()) {
          Result<List<Deposit>> decoded = DepositLogs.decode(read.get().logs().get(), vault, block);
          if (!decoded.isOk()) {
            failClosed(
                "unbelievable Deposit logs in L1 block "
                    + n
                    + ": "
                    + ((Result.Err<?>) decoded).detail(),
                null);
            break;
          }
          deposits = decoded.orThrow();
        }
        if (!deposits.isEmpty()) {
          Optional<String> gap = nonceGap(lastNonce, deposits);
          if (gap.isPresent()) {
            failClosed("deposit nonce gap in L1 block " + n + ": " + gap.get(), null);
            break;
          }
          long t1 = System.nanoTime();
          store.recordDeposits(persisted, block.ref(), deposits, clock.instant());
          persisted = Optional.of(block.ref());
          lastNonce = Optional.of(deposits.get(deposits.size() - 1).nonce());
          newBatch = true;
          log.info(
              "L1 block {}: {} deposits stored as safe (waited {} ms for the read, stored in {} ms)",
              n,
              deposits.size(),
              (t1 - t0) / 1_000_000,
              (System.nanoTime() - t1) / 1_000_000);
        }
        previous = Optional.of(block.ref());
      }
    }
    if (previous.isPresent() && !previous.equals(persisted)) {
      store.advance(Chain.L1, persisted, previous.get());
    }
    previous.ifPresent(p -> state.l1Cursor(p.number()));
    if (newBatch) {
      onNewBatch.run();
    }
  }

  private long safeHead(L1Header head) throws NodeException {
    if (finality == Finality.CONFIRMATIONS) {
      return head.number() - confirmations;
    }
    try {
      Optional<L1Header> finalized = node.finalized();
      if (finalized.isEmpty()) {
        return -1; // nothing final yet
      }
      return Math.min(finalized.get().number(), head.number());
    } catch (NodeException e) {
      if (finality == Finality.AUTO && e.rpcError()) {
        log.warn(
            "L1 node has no 'finalized' tag ({}); safe head = head - {}",
            e.getMessage(),
            confirmations);
        finality = Finality.CONFIRMATIONS;
        return head.number() - confirmations;
      }
      throw e;
    }
  }

  /** Counts a reorg of the unsafe part of the chain (harmless: nothing there was read). */
  private boolean trackHead(L1Header head) throws NodeException {
    L1Header before = lastHead;
    lastHead = head;
    if (before == null) {
      return false;
    }
    boolean reorg;
    if (head.number() < before.number()) {
      reorg = true;
    } else if (head.number() == before.number()) {
      reorg = !head.hash().equals(before.hash());
    } else {
      reorg = node.byNumber(before.number()).map(b -> !b.hash().equals(before.hash())).orElse(true);
    }
    if (reorg) {
      metrics.reorg(Chain.L1);
      log.info("L1 reorg seen at or below block {} (head {})", before.number(), head.number());
    }
    return reorg;
  }

  private static Optional<String> nonceGap(Optional<UInt256> last, List<Deposit> deposits) {
    UInt256 expected = last.map(UInt256::increment).orElse(deposits.get(0).nonce());
    for (Deposit d : deposits) {
      if (!d.nonce().equals(expected)) {
        return Optional.of("expected nonce " + expected + ", got " + d.nonce());
      }
      expected = expected.increment();
    }
    return Optional.empty();
  }

  /** Halts signing; {@code reorgOf} names the chain whose reorg to count, null if none. */
  private void failClosed(String reason, Chain reorgOf) {
    if (reorgOf != null) {
      metrics.reorg(reorgOf);
    }
    halt.halt(Chain.L1.label(), reason);
  }
}
