package org.fedbridge.relayer.track;

import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.fedbridge.contracts.generated.BridgeVault;
import org.fedbridge.core.merkle.MerkleTree;
import org.fedbridge.core.message.Deposit;
import org.fedbridge.core.types.Address;
import org.fedbridge.core.types.Hex;
import org.fedbridge.core.types.UInt256;
import org.fedbridge.relayer.Leadership;
import org.fedbridge.relayer.LoopLog;
import org.fedbridge.relayer.RelayerProperties;
import org.fedbridge.relayer.chain.L1Client;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import org.web3j.abi.EventEncoder;
import org.web3j.protocol.core.methods.response.Log;

/**
 * Follows the vault's logs on L1: deposits, withdrawal roots posted, withdrawals paid, pauses.
 * Blocks up to {@code head - confirmations + 1} are final for the relayer: their effects and the
 * cursor commit in one transaction. Deposits in the newer blocks are shown as "waiting for
 * finality"; if a reorg drops one, it is marked failed once the final cursor passes its block.
 */
@Component
class L1Watcher {
  static final String CURSOR = "l1";
  private static final Logger log = LoggerFactory.getLogger(L1Watcher.class);
  private static final String DEPOSIT = EventEncoder.encode(BridgeVault.DEPOSIT_EVENT);
  private static final String ROOT_POSTED =
      EventEncoder.encode(BridgeVault.WITHDRAWALROOTPOSTED_EVENT);
  private static final String PAID = EventEncoder.encode(BridgeVault.WITHDRAWALPAID_EVENT);
  private static final String PAUSED = EventEncoder.encode(BridgeVault.PAUSEDBY_EVENT);
  private static final String UNPAUSED = EventEncoder.encode(BridgeVault.UNPAUSED_EVENT);

  private final L1Client l1;
  private final String vault;
  private final RelayerProperties.L1 settings;
  private final TransferBook book;
  private final BatchBook batches;
  private final Cursors cursors;
  private final VaultEventRepository vaultEvents;
  private final ChainHeads heads;
  private final TransactionTemplate tx;
  private final Clock clock;
  private final Leadership leadership;
  private final VaultEvents hardened;
  private final LoopLog problems = new LoopLog(log, "L1 watcher");

  L1Watcher(
      L1Client l1,
      RelayerProperties properties,
      TransferBook book,
      BatchBook batches,
      Cursors cursors,
      VaultEventRepository vaultEvents,
      ChainHeads heads,
      TransactionTemplate tx,
      Clock clock,
      Leadership leadership,
      VaultEvents hardened) {
    this.l1 = l1;
    this.hardened = hardened;
    this.leadership = leadership;
    this.vault = properties.vault().toLowerCase(Locale.ROOT);
    this.settings = properties.l1();
    this.book = book;
    this.batches = batches;
    this.cursors = cursors;
    this.vaultEvents = vaultEvents;
    this.heads = heads;
    this.tx = tx;
    this.clock = clock;
  }

  @Scheduled(fixedDelayString = "${bridge.relayer.l1.poll-interval:1s}")
  void poll() {
    try {
      pollOnce();
      problems.clear();
    } catch (IOException | RuntimeException e) {
      problems.report(e);
    }
  }

  void pollOnce() throws IOException {
    long head = l1.head();
    L1Client.Block headBlock = l1.block(head).orElseThrow(() -> new IOException("no head"));
    heads.l1(new ChainHeads.Head(head, headBlock.timestamp(), clock.instant()));
    if (!leadership.isLeader()) {
      return; // another instance follows the chain; this one only needs the head
    }
    long last = head - settings.confirmations() + 1;
    long next = cursors.next(CURSOR, settings.startBlock());
    while (next <= last) {
      long to = Math.min(last, next + settings.maxBlocksPerScan() - 1);
      List<Log> logs = l1.logs(vault, next, to);
      Map<Long, Instant> times = times(logs);
      long from = next;
      tx.executeWithoutResult(s -> applyFinal(logs, times, from, to, headBlock.timestamp()));
      next = to + 1;
    }
    if (last < head) {
      List<Log> tail = l1.logs(vault, Math.max(last + 1, settings.startBlock()), head);
      Map<Long, Instant> times = times(tail);
      tx.executeWithoutResult(s -> applyTail(tail, times));
    }
  }

  private Map<Long, Instant> times(List<Log> logs) throws IOException {
    Map<Long, Instant> times = new HashMap<>();
    for (Log l : logs) {
      long n = l.getBlockNumber().longValueExact();
      if (!times.containsKey(n)) {
        times.put(n, l1.block(n).map(L1Client.Block::timestamp).orElse(clock.instant()));
      }
    }
    return times;
  }

  private void applyFinal(
      List<Log> logs, Map<Long, Instant> times, long from, long to, Instant l1Now) {
    Map<Long, List<Deposit>> depositsByBlock = new LinkedHashMap<>();
    for (Log l : logs) {
      if (l.isRemoved() || l.getTopics().isEmpty()) {
        continue;
      }
      String topic = l.getTopics().get(0);
      long block = l.getBlockNumber().longValueExact();
      Instant at = times.get(block);
      if (topic.equals(DEPOSIT)) {
        Deposit d = deposit(l, true, at);
        depositsByBlock.computeIfAbsent(block, b -> new ArrayList<>()).add(d);
      } else if (topic.equals(ROOT_POSTED)) {
        var e = BridgeVault.getWithdrawalRootPostedEventFromLog(l);
        batches.posted(
            e.batchId.longValueExact(),
            Hex.encode(e.root),
            l.getTransactionHash(),
            at,
            Instant.ofEpochSecond(e.claimableAt.longValueExact()),
            l1Now);
      } else if (topic.equals(PAID)) {
        paid(l, at);
      } else if (hardened.apply(l, at)) {
        continue;
      } else if (topic.equals(PAUSED) || topic.equals(UNPAUSED)) {
        String detail =
            topic.equals(PAUSED)
                ? "by " + BridgeVault.getPausedByEventFromLog(l).pauser
                : "lifting pause " + BridgeVault.getUnpausedEventFromLog(l).pauseCount;
        vaultEvents.save(
            new VaultEventEntity(
                topic.equals(PAUSED) ? "PAUSED" : "UNPAUSED",
                detail,
                block,
                l.getTransactionHash(),
                at));
      }
    }
    // One deposit batch per L1 block: its root is what the validators sign.
    depositsByBlock.forEach(
        (block, deposits) ->
            batches.chainRoot(
                Kind.DEPOSIT,
                block,
                MerkleTree.of(deposits.stream().map(Deposit::leaf).toList()).root().toHex(),
                deposits.size(),
                times.get(block)));
    // SECURITY: a deposit shown as seen whose block is now final without it was reorged out.
    for (TransferEntity t : book.seenBefore(to + 1)) {
      book.end(
          t, Stage.FAILED, "dropped by an L1 reorganisation before it was final", clock.instant());
    }
    cursors.advance(CURSOR, to + 1);
  }

  private void applyTail(List<Log> logs, Map<Long, Instant> times) {
    for (Log l : logs) {
      if (!l.isRemoved() && !l.getTopics().isEmpty() && l.getTopics().get(0).equals(DEPOSIT)) {
        deposit(l, false, times.get(l.getBlockNumber().longValueExact()));
      }
    }
  }

  private Deposit deposit(Log l, boolean fin, Instant at) {
    var e = BridgeVault.getDepositEventFromLog(l);
    TransferEntity t = book.findOrNew(Kind.DEPOSIT, e.nonce);
    t.l1Token = lower(e.token);
    t.sender = lower(e.sender);
    t.recipient = lower(e.recipient);
    t.amount = e.amount;
    t.batchId = l.getBlockNumber().longValueExact();
    t.sourceTxHash = lower(l.getTransactionHash());
    if (fin) {
      book.advance(t, Stage.FINAL, null, null, at);
      BatchEntity b = batches.get(Kind.DEPOSIT, t.batchId);
      batches.progress(b, at);
    } else {
      book.advance(t, Stage.SEEN, null, null, at);
    }
    return new Deposit(
        new UInt256(e.nonce),
        Address.fromHex(e.token),
        Address.fromHex(e.sender),
        Address.fromHex(e.recipient),
        new UInt256(e.amount));
  }

  private void paid(Log l, Instant at) {
    var e = BridgeVault.getWithdrawalPaidEventFromLog(l);
    TransferEntity t = book.findOrNew(Kind.WITHDRAWAL, e.nonce);
    if (t.id == null) {
      // Paid before the relayer saw its burn (its sidechain watcher lags): what L1 tells.
      t.l1Token = lower(e.token);
      t.recipient = lower(e.recipient);
      t.amount = e.amount;
    }
    t.targetTxHash = lower(l.getTransactionHash());
    t.settledAt = at;
    book.advance(t, Stage.CLAIMED, "paid on L1", null, at);
  }

  private static String lower(String s) {
    return s == null ? null : s.toLowerCase(Locale.ROOT);
  }
}
