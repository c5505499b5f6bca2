package org.fedbridge.relayer.track;

import java.io.IOException;
import java.math.BigInteger;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;
import org.fedbridge.core.types.Keccak;
import org.fedbridge.relayer.Leadership;
import org.fedbridge.relayer.LoopLog;
import org.fedbridge.relayer.RelayerProperties;
import org.fedbridge.relayer.chain.SidechainClient;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import org.web3j.protocol.core.methods.response.Log;
import org.web3j.utils.Numeric;

/**
 * Follows the sidechain's bridge logs: withdrawal requests (burns) and deposit mints, plus each
 * block's withdrawal batch (its root and leaf order, from {@code bridge_getWithdrawalRoot}). The
 * sidechain is final as soon as a block exists (one ordered log, no forks); effects and the cursor
 * commit in one transaction.
 */
@Component
class SidechainWatcher {
  static final String CURSOR = "sidechain";
  static final String WITHDRAWAL_REQUESTED =
      Keccak.hash(
              "WithdrawalRequested(uint256,address,address,address,uint256)"
                  .getBytes(java.nio.charset.StandardCharsets.US_ASCII))
          .toHex();
  static final String DEPOSIT_MINTED =
      Keccak.hash(
              "DepositMinted(uint256,address,address,uint256)"
                  .getBytes(java.nio.charset.StandardCharsets.US_ASCII))
          .toHex();
  private static final Logger log = LoggerFactory.getLogger(SidechainWatcher.class);

  private final SidechainClient sidechain;
  private final RelayerProperties.Sidechain settings;
  private final TransferBook book;
  private final BatchBook batches;
  private final Cursors cursors;
  private final ChainHeads heads;
  private final TransactionTemplate tx;
  private final Clock clock;
  private final Leadership leadership;
  private final LoopLog problems = new LoopLog(log, "sidechain watcher");

  SidechainWatcher(
      SidechainClient sidechain,
      RelayerProperties properties,
      TransferBook book,
      BatchBook batches,
      Cursors cursors,
      ChainHeads heads,
      TransactionTemplate tx,
      Clock clock,
      Leadership leadership) {
    this.sidechain = sidechain;
    this.leadership = leadership;
    this.settings = properties.sidechain();
    this.book = book;
    this.batches = batches;
    this.cursors = cursors;
    this.heads = heads;
    this.tx = tx;
    this.clock = clock;
  }

  @Scheduled(fixedDelayString = "${bridge.relayer.sidechain.poll-interval:500ms}")
  void poll() {
    try {
      pollOnce();
      problems.clear();
    } catch (IOException | RuntimeException e) {
      problems.report(e);
    }
  }

  void pollOnce() throws IOException {
    long head = sidechain.head();
    heads.sidechain(new ChainHeads.Head(head, sidechain.blockTime(head), clock.instant()));
    if (!leadership.isLeader()) {
      return; // another instance follows the chain; this one only needs the head
    }
    long next = cursors.next(CURSOR, 0);
    while (next <= head) {
      long to = Math.min(head, next + settings.maxBlocksPerScan() - 1);
      List<Log> logs = sidechain.bridgeLogs(next, to);
      Map<Long, Instant> times = new HashMap<>();
      TreeSet<Long> withdrawalBlocks = new TreeSet<>();
      for (Log l : logs) {
        long n = l.getBlockNumber().longValueExact();
        if (!times.containsKey(n)) {
          times.put(n, sidechain.blockTime(n));
        }
        if (topic(l).equals(WITHDRAWAL_REQUESTED)) {
          withdrawalBlocks.add(n);
        }
      }
      List<SidechainClient.WithdrawalBlock> blocks = new ArrayList<>();
      for (long n : withdrawalBlocks) {
        blocks.add(sidechain.withdrawalBlock(n));
      }
      long end = to;
      tx.executeWithoutResult(s -> apply(logs, times, blocks, end));
      next = to + 1;
    }
  }

  private void apply(
      List<Log> logs,
      Map<Long, Instant> times,
      List<SidechainClient.WithdrawalBlock> blocks,
      long to) {
    Map<BigInteger, Integer> leafIndex = new HashMap<>();
    for (SidechainClient.WithdrawalBlock b : blocks) {
      for (int i = 0; i < b.withdrawals().size(); i++) {
        leafIndex.put(b.withdrawals().get(i).nonce().value(), i);
      }
    }
    for (Log l : logs) {
      Instant at = times.get(l.getBlockNumber().longValueExact());
      List<String> topics = l.getTopics();
      if (topics.size() != 4) {
        continue;
      }
      BigInteger nonce = Numeric.toBigInt(topics.get(1));
      List<BigInteger> data = words(l.getData());
      if (topic(l).equals(WITHDRAWAL_REQUESTED) && data.size() == 2) {
        TransferEntity t = book.findOrNew(Kind.WITHDRAWAL, nonce);
        t.l1Token = address(topics.get(2));
        t.sender = address(topics.get(3));
        t.recipient = address(data.get(0));
        t.amount = data.get(1);
        t.batchId = l.getBlockNumber().longValueExact();
        t.leafIndex = leafIndex.get(nonce);
        t.sourceTxHash = l.getTransactionHash().toLowerCase(Locale.ROOT);
        book.advance(t, Stage.REQUESTED, null, null, at);
      } else if (topic(l).equals(DEPOSIT_MINTED) && data.size() == 1) {
        TransferEntity t = book.findOrNew(Kind.DEPOSIT, nonce);
        if (t.id == null) {
          // Minted before the relayer's L1 watcher reached the deposit: what the mint tells.
          t.l1Token = address(topics.get(2));
          t.recipient = address(topics.get(3));
          t.amount = data.get(0);
        }
        t.targetTxHash = l.getTransactionHash().toLowerCase(Locale.ROOT);
        book.advance(t, Stage.MINTED, "minted on the sidechain", null, at);
      }
    }
    for (SidechainClient.WithdrawalBlock b : blocks) {
      batches.chainRoot(
          Kind.WITHDRAWAL,
          b.blockNumber(),
          b.root().toHex(),
          (int) b.count(),
          times.get(b.blockNumber()));
    }
    cursors.advance(CURSOR, to + 1);
  }

  private static String topic(Log l) {
    return l.getTopics().isEmpty() ? "" : l.getTopics().get(0).toLowerCase(Locale.ROOT);
  }

  private static List<BigInteger> words(String data) {
    String hex = Numeric.cleanHexPrefix(data == null ? "" : data);
    List<BigInteger> out = new ArrayList<>();
    for (int i = 0; i + 64 <= hex.length(); i += 64) {
      out.add(new BigInteger(hex.substring(i, i + 64), 16));
    }
    return out;
  }

  private static String address(String topic) {
    return address(Numeric.toBigInt(topic));
  }

  private static String address(BigInteger word) {
    return Numeric.toHexStringWithPrefixZeroPadded(word, 40);
  }
}
