package org.fedbridge.sidechain.bench;

import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.locks.LockSupport;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.common.TopicPartition;
import org.fedbridge.core.types.Address;
import org.fedbridge.sidechain.bench.TransferLoad.Result;
import org.fedbridge.sidechain.genesis.GenesisFile;
import org.fedbridge.sidechain.testing.ReplicaHarness;
import org.fedbridge.sidechain.testing.TestAccounts;
import org.fedbridge.sidechain.testing.TestGenesis;
import org.fedbridge.testsupport.Anvil;

/**
 * Sustained signed transfers per second, from eth_sendRawTransaction to receipt, against a node
 * with Kafka and PostgreSQL on the same machine, and the same workload against anvil in the same
 * run; then the replay speed of a fresh replica. Not part of {@code mvn verify}. Run:
 *
 * <pre>
 * mvn -B -q -pl sidechain-node -am install -DskipTests -Dspotless.check.skip=true
 * mvn -B -q -pl sidechain-node exec:java -Dexec.classpathScope=test \
 *     -Dexec.mainClass=org.fedbridge.sidechain.bench.ThroughputBench [-Dbench.txs=20000]
 * </pre>
 *
 * The client (signing, JSON-RPC batches, the clock) is {@link TransferLoad}; the CPU counters are
 * {@link JvmCpu}.
 */
public final class ThroughputBench {
  private ThroughputBench() {}

  /** The node's log and genesis, kept for the replay after the node has stopped. */
  private record NodeRun(Result result, String topic, Path genesis) {}

  private record Replay(long records, double seconds) {}

  public static void main(String[] args) {
    try {
      bench();
    } catch (Throwable t) {
      t.printStackTrace();
      System.exit(1);
    }
    System.exit(0);
  }

  private static void bench() throws Exception {
    int txs = Integer.getInteger("bench.txs", 20_000);
    int senders = Integer.getInteger("bench.senders", 200);
    int threads = Integer.getInteger("bench.threads", 4);
    int batch = Integer.getInteger("bench.batch", 100);
    String only = System.getProperty("bench.only", "all");
    Duration cap = Duration.ofSeconds(Integer.getInteger("bench.capSeconds", 120));
    int perSender = txs / senders;
    txs = perSender * senders;
    long chain = 4242;
    List<TestAccounts.Account> accounts = TestAccounts.many("bench", senders);
    Address sink = Address.fromHex("0x00000000000000000000000000000000000000be");

    System.out.printf(
        Locale.ROOT,
        "bench: %d transfers from %d senders, %d client threads, JSON-RPC batches of %d, %d cores%n",
        txs,
        senders,
        threads,
        batch,
        Runtime.getRuntime().availableProcessors());
    List<List<String>> ours = TransferLoad.sign(accounts, perSender, chain, sink, BigInteger.ZERO);
    List<List<String>> theirs =
        TransferLoad.sign(
            accounts, perSender, Anvil.CHAIN_ID, sink, BigInteger.valueOf(1_000_000_000L));

    TransferLoad.Workload workload = new TransferLoad.Workload(accounts, threads, batch, cap);

    // --- our node, in this JVM, with the embedded Kafka broker and PostgreSQL
    NodeRun node = null;
    Result sidechain = new Result(0, 1);
    if (!only.equals("anvil")) {
      node = node(chain, ours, workload);
      sidechain = node.result();
    }

    // --- anvil, same workload (its own chain id and fees), same client
    Result anvil = new Result(0, 1);
    if (!only.equals("node")) {
      anvil = anvil(theirs, workload);
    }
    System.out.printf(
        Locale.ROOT,
        "anvil:          %d transfers in %.2f s = %.0f tx/s (send to receipt)%n",
        anvil.txs(),
        anvil.seconds(),
        anvil.rate());
    System.out.printf(
        Locale.ROOT, "ratio sidechain-node / anvil = %.2f%n", sidechain.rate() / anvil.rate());

    // --- replay: a fresh replica reads the whole log into an empty database
    long records = 0;
    double replaySeconds = Double.NaN;
    if (node != null) {
      Replay replay = replay(node, txs);
      records = replay.records();
      replaySeconds = replay.seconds();
    }
    System.out.printf(
        Locale.ROOT,
        "replay: %d log records (%d transactions) in %.2f s = %.0f tx/s%n",
        records,
        txs,
        replaySeconds,
        txs / replaySeconds);
    String summary =
        String.format(
            Locale.ROOT,
            "txs=%d senders=%d threads=%d batch=%d cores=%d ours=%.0f anvil=%.0f ratio=%.2f replay=%.0f%n",
            txs,
            senders,
            threads,
            batch,
            Runtime.getRuntime().availableProcessors(),
            sidechain.rate(),
            anvil.rate(),
            sidechain.rate() / anvil.rate(),
            txs / replaySeconds);
    Path out =
        Files.isDirectory(Path.of("sidechain-node"))
            ? Path.of("sidechain-node/target")
            : Path.of("target");
    Files.createDirectories(out);
    Files.writeString(out.resolve("bench.txt"), summary);
    System.out.print(summary);
  }

  /** The workload against our node, with its CPU per transaction (whole JVM and by thread). */
  private static NodeRun node(long chain, List<List<String>> signed, TransferLoad.Workload w)
      throws Exception {
    Map<Address, BigInteger> alloc = new LinkedHashMap<>();
    w.accounts()
        .forEach(
            a -> alloc.put(a.address(), TestGenesis.ETHER.multiply(BigInteger.valueOf(1_000_000))));
    try (BenchNode node = BenchNode.start(chain, alloc, "bench_node")) {
      TransferLoad.warmUp(node.url());
      long cpuBefore = JvmCpu.processNanos();
      Map<String, Long> groupsBefore = JvmCpu.byThreadGroup();
      Result r = TransferLoad.run(node.url(), signed, w);
      String groups = JvmCpu.perTransactionByGroup(groupsBefore, JvmCpu.byThreadGroup(), r.txs());
      System.out.println("sidechain-node: µs of CPU per transaction by thread:" + groups);
      System.out.printf(
          Locale.ROOT,
          "sidechain-node: %.0f µs of CPU per transaction in this JVM (node, client, Kafka)%n",
          (JvmCpu.processNanos() - cpuBefore) / 1e3 / Math.max(1, r.txs()));
      System.out.printf(
          Locale.ROOT,
          "sidechain-node: %d transfers in %.2f s = %.0f tx/s (send to receipt)%n",
          r.txs(),
          r.seconds(),
          r.rate());
      return new NodeRun(r, node.topic, node.genesis);
    }
  }

  private static Result anvil(List<List<String>> signed, TransferLoad.Workload w) throws Exception {
    try (Anvil a = Anvil.start("--block-base-fee-per-gas", "0")) {
      for (TestAccounts.Account acc : w.accounts()) {
        TransferLoad.rpc(
            a.rpcUrl(),
            "anvil_setBalance",
            acc.address().toHex(),
            "0x" + TestGenesis.ETHER.multiply(BigInteger.valueOf(1000)).toString(16));
      }
      return TransferLoad.run(a.rpcUrl(), signed, w);
    }
  }

  /**
   * A fresh replica with an empty database reads the node's whole log (clocked from its start), and
   * its replayed state is checked against its head.
   */
  private static Replay replay(NodeRun node, int txs) throws Exception {
    try (ReplicaHarness fresh =
        ReplicaHarness.create(
            "bench_replay", GenesisFile.read(node.genesis()), node.topic(), 500)) {
      long end = logEnd(node.topic());
      long start = System.nanoTime();
      long cpuBefore = JvmCpu.processNanos();
      fresh.start();
      while (fresh.replica().processedRecords() < end) {
        Thread.onSpinWait();
        LockSupport.parkNanos(1_000_000);
      }
      double seconds = (System.nanoTime() - start) / 1e9;
      System.out.printf(
          Locale.ROOT,
          "replay: %.1f µs of CPU per transaction on the replica thread (ledger and store)%n",
          JvmCpu.threadNanos("replica-" + node.topic()) / 1e3 / txs);
      System.out.printf(
          Locale.ROOT,
          "replay: %.0f µs of CPU per transaction in this JVM (replica, Kafka)%n",
          (JvmCpu.processNanos() - cpuBefore) / 1e3 / txs);
      if (!fresh
          .replica()
          .ledger()
          .head()
          .stateRoot()
          .equals(fresh.replica().ledger().stateRoot())) {
        throw new IllegalStateException("replayed state does not match its head");
      }
      return new Replay(end, seconds);
    }
  }

  private static long logEnd(String topic) throws Exception {
    try (var admin = Admin.create(ReplicaHarness.kafka())) {
      var tp = new TopicPartition(topic, 0);
      return admin.listOffsets(Map.of(tp, OffsetSpec.latest())).all().get().get(tp).offset();
    }
  }
}
