package org.fedbridge.devnet;

import java.math.BigInteger;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.locks.LockSupport;
import java.util.stream.Stream;
import org.web3j.abi.FunctionEncoder;
import org.web3j.abi.datatypes.Address;
import org.web3j.abi.datatypes.Function;
import org.web3j.crypto.Credentials;
import org.web3j.protocol.Web3j;
import org.web3j.protocol.core.methods.response.TransactionReceipt;
import org.web3j.protocol.http.HttpService;
import org.web3j.tx.FastRawTransactionManager;
import org.web3j.tx.response.PollingTransactionReceiptProcessor;

/**
 * Bench (not a test): L1 safe head to mint on the sidechain with four validators (t = 3) as real
 * processes on this machine, and sustained deposits minted per second with many deposits per L1
 * block. Prints p50/p99 and rates; command and figures in docs/performance.md.
 *
 * <p>Latency of a deposit = the moment the sidechain answers {@code bridge_isDepositMinted} true
 * for its block's batch, minus the moment L1's {@code finalized} head first covers its block (both
 * polled every {@value #POLL_MS} ms by this process, so each is late by up to that much).
 */
public final class MintBench {
  static final long POLL_MS = 25;
  private static final BigInteger AMOUNT = BigInteger.TEN.pow(12);

  private final FederationSystem system;
  private final Web3j l1;
  private final List<FastRawTransactionManager> senders = new ArrayList<>();

  /** L1 block -> first time (ns) the finalized head was seen at or past it. */
  private final Map<Long, Long> safeAt = new ConcurrentHashMap<>();

  /** L1 block -> highest deposit nonce in it, for blocks not yet seen minted. */
  private final Map<Long, BigInteger> pending = new ConcurrentSkipListMap<>();

  /** L1 block -> time (ns) its batch was first seen minted. */
  private final Map<Long, Long> mintedAt = new ConcurrentHashMap<>();

  private volatile long finalizedSeen = -1;
  private volatile boolean running = true;

  private MintBench(FederationSystem system) {
    this.system = system;
    this.l1 = Web3j.build(new HttpService(system.l1));
    for (DevAccount a : system.accounts) {
      senders.add(
          new FastRawTransactionManager(
              l1,
              Credentials.create(a.privateKey()),
              Anvil.CHAIN_ID,
              new PollingTransactionReceiptProcessor(l1, 100, 600)));
    }
  }

  public static void main(String[] args) throws Exception {
    int latencyDeposits = args.length > 0 ? Integer.parseInt(args[0]) : 1000;
    int perBlock = args.length > 1 ? Integer.parseInt(args[1]) : 10;
    int flood = args.length > 2 ? Integer.parseInt(args[2]) : 3000;
    int burst = args.length > 3 ? Integer.parseInt(args[3]) : 3000;
    // The first burst is the first time the services meet blocks of hundreds of deposits: much of
    // its CPU is the JIT compiling those paths. Later bursts show the sustained rate.
    int bursts = args.length > 4 ? Integer.parseInt(args[4]) : 3;
    long start = System.nanoTime();
    try (FederationSystem system = new FederationSystem(Path.of("target", "mint-bench"), 4)) {
      System.out.printf("system up in %.0f s%n", (System.nanoTime() - start) / 1e9);
      MintBench bench = new MintBench(system);
      Thread monitor = new Thread(bench::monitor, "bench-monitor");
      monitor.setDaemon(true);
      monitor.start();
      bench.warmUp();
      if (latencyDeposits > 0) {
        bench.latency(latencyDeposits, perBlock);
      }
      if (flood > 0) {
        bench.throughput(flood);
      }
      for (int i = 1; burst > 0 && i <= bursts; i++) {
        System.out.printf("burst %d of %d%s:%n", i, bursts, i == 1 ? " (cold: JIT at work)" : "");
        bench.burst(burst);
      }
      bench.running = false;
    }
  }

  private void warmUp() throws Exception {
    List<TransactionReceipt> r = send(30);
    awaitMinted(blocksOf(r));
    System.out.println("warm-up: 30 deposits minted");
  }

  private void latency(int deposits, int perBlock) throws Exception {
    List<Long> samples = new ArrayList<>();
    List<Long> blocks = new ArrayList<>();
    Map<Long, Integer> count = new ConcurrentHashMap<>();
    for (int sent = 0; sent < deposits; sent += perBlock) {
      // One burst per L1 block (anvil mines every second): send, then wait for the receipts.
      for (TransactionReceipt t : send(Math.min(perBlock, deposits - sent))) {
        count.merge(t.getBlockNumber().longValueExact(), 1, Integer::sum);
      }
    }
    blocks.addAll(count.keySet());
    awaitMinted(blocks);
    for (long b : blocks) {
      long ms = (mintedAt.get(b) - safeAt.get(b)) / 1_000_000;
      for (int i = 0; i < count.get(b); i++) {
        samples.add(ms);
      }
    }
    Collections.sort(samples);
    System.out.printf(
        "latency, L1 safe head -> minted: %d deposits in %d L1 blocks (~%d per block):"
            + " p50 %d ms, p90 %d ms, p99 %d ms, max %d ms%n",
        samples.size(),
        blocks.size(),
        perBlock,
        pct(samples, 50),
        pct(samples, 90),
        pct(samples, 99),
        samples.get(samples.size() - 1));
  }

  private void throughput(int deposits) throws Exception {
    long t0 = System.nanoTime();
    // Closed loop in chunks of 300 (anvil does not drain an open-ended flood, see toolchain.md):
    // still hundreds of deposits per L1 block.
    List<TransactionReceipt> receipts = new ArrayList<>();
    for (int sent = 0; sent < deposits; sent += 300) {
      receipts.addAll(send(Math.min(300, deposits - sent)));
    }
    long tSent = System.nanoTime();
    List<Long> blocks = blocksOf(receipts);
    awaitMinted(blocks);
    long firstSafe = blocks.stream().mapToLong(safeAt::get).min().orElseThrow();
    long lastSafe = blocks.stream().mapToLong(safeAt::get).max().orElseThrow();
    long lastMint = blocks.stream().mapToLong(mintedAt::get).max().orElseThrow();
    System.out.printf(
        "throughput: %d deposits in %d L1 blocks (%.0f per block); L1 took them at %.0f/s;"
            + " minted %.0f/s from the first safe block to the last mint (%.1f s); last safe"
            + " block -> last mint %d ms%n",
        deposits,
        blocks.size(),
        deposits / (double) blocks.size(),
        deposits / ((tSent - t0) / 1e9),
        deposits / ((lastMint - firstSafe) / 1e9),
        (lastMint - firstSafe) / 1e9,
        (lastMint - lastSafe) / 1_000_000);
  }

  /**
   * The validators' and the sidechain's own rate, without L1's intake in the way: mining paused,
   * {@code deposits} sent into anvil's pool, then mined at once into full blocks (~500 deposits
   * each) and made final together; the rate is deposits over first safe block to last mint.
   */
  private void burst(int deposits) throws Exception {
    Http.rpc(system.l1, "evm_setIntervalMining", 0);
    Http.rpc(system.l1, "evm_setAutomine", false);
    List<String> hashes = sendOnly(deposits);
    Map<String, Duration> cpuBefore = cpu();
    long blocksBefore = Long.decode(Http.rpc(system.l1, "eth_blockNumber").asText());
    // Enough blocks for every deposit plus the four that make the last of them final.
    Http.rpc(system.l1, "anvil_mine", "0x" + Long.toHexString(deposits / 400 + 8), "0x1");
    Http.rpc(system.l1, "evm_setIntervalMining", 1);
    List<TransactionReceipt> receipts = receipts(hashes);
    List<Long> blocks = blocksOf(receipts);
    awaitMinted(blocks);
    long firstSafe = blocks.stream().mapToLong(safeAt::get).min().orElseThrow();
    long lastSafe = blocks.stream().mapToLong(safeAt::get).max().orElseThrow();
    long lastMint = blocks.stream().mapToLong(mintedAt::get).max().orElseThrow();
    System.out.printf(
        "burst: %d deposits in %d L1 blocks (%.0f per block, from block %d), final within %d ms of"
            + " each other; minted %.0f/s from the first safe block to the last mint (%.2f s)%n",
        deposits,
        blocks.size(),
        deposits / (double) blocks.size(),
        blocksBefore + 1,
        (lastSafe - firstSafe) / 1_000_000,
        deposits / ((lastMint - firstSafe) / 1e9),
        (lastMint - firstSafe) / 1e9);
    for (long b : blocks.stream().sorted().toList()) {
      System.out.printf(
          "  L1 block %d: minted %d ms after the first safe block%n",
          b, (mintedAt.get(b) - firstSafe) / 1_000_000);
    }
    Map<String, Duration> cpuAfter = cpu();
    Duration total = Duration.ZERO;
    StringBuilder line = new StringBuilder();
    for (Map.Entry<String, Duration> e : cpuAfter.entrySet()) {
      Duration used = e.getValue().minus(cpuBefore.getOrDefault(e.getKey(), Duration.ZERO));
      total = total.plus(used);
      line.append(String.format(" %s %.2f s,", e.getKey(), used.toMillis() / 1e3));
    }
    System.out.printf(
        "  CPU from mining to the last mint:%s total %.2f s (%.0f ms per 1,000 deposits)%n",
        line, total.toMillis() / 1e3, total.toMillis() * 1000.0 / deposits);
  }

  /**
   * CPU time used so far by the system's processes, by component: this JVM's children and
   * everything started under the bench's directory (PostgreSQL), with their descendants.
   */
  private Map<String, Duration> cpu() {
    String dir = system.dir.toString();
    Set<ProcessHandle> roots = new HashSet<>(ProcessHandle.current().children().toList());
    ProcessHandle.allProcesses()
        .filter(p -> p.info().commandLine().map(c -> c.contains(dir)).orElse(false))
        .forEach(roots::add);
    Map<String, Duration> out = new TreeMap<>();
    Set<Long> seen = new HashSet<>();
    for (ProcessHandle root : roots) {
      Stream.concat(Stream.of(root), root.descendants())
          .filter(p -> seen.add(p.pid()))
          .forEach(
              p ->
                  out.merge(
                      component(p.info().commandLine().orElse("")),
                      p.info().totalCpuDuration().orElse(Duration.ZERO),
                      Duration::plus));
    }
    return out;
  }

  private static String component(String commandLine) {
    for (String c : List.of("bridge-validator", "sidechain-node", "kafka.Kafka", "anvil")) {
      if (commandLine.contains(c)) {
        return c;
      }
    }
    return commandLine.contains("postgres") ? "postgres" : "other";
  }

  /** Sends {@code n} deposits round-robin from the dev accounts without waiting; the receipts. */
  private List<TransactionReceipt> send(int n) throws Exception {
    return receipts(sendOnly(n));
  }

  private List<String> sendOnly(int n) throws Exception {
    String data =
        FunctionEncoder.encode(
            new Function(
                "depositETH", List.of(new Address(system.accounts.get(0).address())), List.of()));
    // A fixed, generous price: the node's suggestion follows the prices paid, so paying a multiple
    // of it would make it climb run after run.
    BigInteger gasPrice = BigInteger.valueOf(100_000_000_000L);
    List<String> hashes = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      var sent =
          senders
              .get(i % senders.size())
              .sendTransaction(gasPrice, BigInteger.valueOf(150_000), system.vault, data, AMOUNT);
      if (sent.hasError()) {
        throw new IllegalStateException("deposit refused: " + sent.getError().getMessage());
      }
      hashes.add(sent.getTransactionHash());
    }
    return hashes;
  }

  private List<TransactionReceipt> receipts(List<String> hashes) throws Exception {
    PollingTransactionReceiptProcessor receipts =
        new PollingTransactionReceiptProcessor(l1, 50, 2400);
    List<TransactionReceipt> out = new ArrayList<>();
    for (String h : hashes) {
      TransactionReceipt r = receipts.waitForTransactionReceipt(h);
      if (!r.isStatusOK()) {
        throw new IllegalStateException("deposit failed: " + h);
      }
      out.add(r);
      long block = r.getBlockNumber().longValueExact();
      BigInteger nonce = new BigInteger(r.getLogs().get(0).getTopics().get(1).substring(2), 16);
      pending.merge(block, nonce, BigInteger::max);
    }
    return out;
  }

  private static List<Long> blocksOf(List<TransactionReceipt> receipts) {
    return receipts.stream().map(r -> r.getBlockNumber().longValueExact()).distinct().toList();
  }

  private void awaitMinted(List<Long> blocks) {
    long deadline = System.nanoTime() + 600_000_000_000L;
    while (!blocks.stream().allMatch(mintedAt::containsKey)) {
      if (System.nanoTime() > deadline) {
        throw new IllegalStateException("not all minted within 10 minutes");
      }
      LockSupport.parkNanos(POLL_MS * 1_000_000);
    }
  }

  /** Polls L1's finalized head and the sidechain's minted flags. */
  private void monitor() {
    while (running) {
      try {
        long now = System.nanoTime();
        long finalized =
            Long.decode(
                Http.rpc(system.l1, "eth_getBlockByNumber", "finalized", false)
                    .get("number")
                    .asText());
        for (long b = Math.max(finalizedSeen + 1, finalized - 1000); b <= finalized; b++) {
          safeAt.putIfAbsent(b, now);
        }
        finalizedSeen = Math.max(finalizedSeen, finalized);
        for (Map.Entry<Long, BigInteger> e : pending.entrySet()) {
          if (e.getKey() > finalized) {
            break;
          }
          long t = System.nanoTime();
          if (Http.rpc(system.sidechain, "bridge_isDepositMinted", e.getValue().toString())
              .asBoolean()) {
            mintedAt.putIfAbsent(e.getKey(), t);
            pending.remove(e.getKey());
          }
        }
      } catch (RuntimeException e) {
        System.err.println("monitor: " + e.getMessage());
      }
      LockSupport.parkNanos(POLL_MS * 1_000_000);
    }
  }

  private static long pct(List<Long> sorted, int p) {
    int i = (int) Math.ceil(p / 100.0 * sorted.size()) - 1;
    return sorted.get(Math.max(0, Math.min(i, sorted.size() - 1)));
  }
}
