package org.fedbridge.sidechain.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigInteger;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.fedbridge.core.types.Address;
import org.fedbridge.core.types.Hex;
import org.fedbridge.sidechain.SidechainNodeApplication;
import org.fedbridge.sidechain.genesis.Genesis;
import org.fedbridge.sidechain.genesis.GenesisFile;
import org.fedbridge.sidechain.testing.ReplicaHarness;
import org.fedbridge.sidechain.testing.TestAccounts;
import org.fedbridge.sidechain.testing.TestFederation;
import org.fedbridge.sidechain.testing.TestGenesis;
import org.fedbridge.testsupport.Anvil;
import org.fedbridge.testsupport.FreePorts;
import org.fedbridge.testsupport.TestKafka;
import org.fedbridge.testsupport.TestPostgres;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;

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
 */
public final class ThroughputBench {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final HttpClient HTTP =
      HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

  private ThroughputBench() {}

  record Result(int txs, double seconds) {
    double rate() {
      return txs / seconds;
    }
  }

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
    List<List<String>> ours = sign(accounts, perSender, chain, sink, BigInteger.ZERO);
    List<List<String>> theirs =
        sign(accounts, perSender, Anvil.CHAIN_ID, sink, BigInteger.valueOf(1_000_000_000L));

    // --- our node, in this JVM, with the embedded Kafka broker and PostgreSQL
    Result sidechain = new Result(0, 1);
    String topic = "sidechain.txs.bench." + UUID.randomUUID();
    Genesis genesis = TestGenesis.of(chain, accounts, "0");
    Path genesisFile = Files.createTempFile("bench-genesis-", ".json");
    Map<Address, BigInteger> alloc = new LinkedHashMap<>();
    accounts.forEach(
        a -> alloc.put(a.address(), TestGenesis.ETHER.multiply(BigInteger.valueOf(1_000_000))));
    Files.writeString(genesisFile, TestGenesis.json(chain, TestFederation.epoch0(), alloc, "0"));
    if (!only.equals("anvil")) {
      String dbUrl = TestPostgres.shared().createDatabase("bench_node");
      int port = FreePorts.next();
      ConfigurableApplicationContext node =
          SpringApplication.run(
              SidechainNodeApplication.class,
              "--server.port=" + port,
              "--spring.datasource.url=" + dbUrl,
              "--spring.datasource.username=" + TestPostgres.shared().username(),
              "--spring.datasource.password=" + TestPostgres.shared().password(),
              "--bridge.sidechain.chain-id=" + chain,
              "--bridge.sidechain.genesis=" + genesisFile,
              "--bridge.sidechain.topics.txs=" + topic,
              "--bridge.sidechain.kafka.bootstrap-servers=" + TestKafka.shared().bootstrapServers(),
              "--logging.level.root=WARN");
      String nodeUrl = "http://127.0.0.1:" + port + "/";
      warmUp(nodeUrl);
      long cpuBefore = processCpuNanos();
      Map<String, Long> groupsBefore = cpuByThreadGroup();
      sidechain = run(nodeUrl, ours, threads, batch, accounts, cap);
      Map<String, Long> groupsAfter = cpuByThreadGroup();
      StringBuilder groups = new StringBuilder();
      for (var e : groupsAfter.entrySet()) {
        long delta = e.getValue() - groupsBefore.getOrDefault(e.getKey(), 0L);
        if (delta > 0) {
          groups.append(
              String.format(
                  Locale.ROOT, " %s=%.0f", e.getKey(), delta / 1e3 / Math.max(1, sidechain.txs())));
        }
      }
      System.out.println("sidechain-node: µs of CPU per transaction by thread:" + groups);
      System.out.printf(
          Locale.ROOT,
          "sidechain-node: %.0f µs of CPU per transaction in this JVM (node, client, Kafka)%n",
          (processCpuNanos() - cpuBefore) / 1e3 / Math.max(1, sidechain.txs()));
      System.out.printf(
          Locale.ROOT,
          "sidechain-node: %d transfers in %.2f s = %.0f tx/s (send to receipt)%n",
          sidechain.txs(),
          sidechain.seconds(),
          sidechain.rate());
      node.close();
    }

    // --- anvil, same workload (its own chain id and fees), same client
    Result anvil = new Result(0, 1);
    if (!only.equals("node")) {
      try (Anvil a = Anvil.start("--block-base-fee-per-gas", "0")) {
        for (TestAccounts.Account acc : accounts) {
          rpc(
              a.rpcUrl(),
              "anvil_setBalance",
              acc.address().toHex(),
              "0x" + TestGenesis.ETHER.multiply(BigInteger.valueOf(1000)).toString(16));
        }
        anvil = run(a.rpcUrl(), theirs, threads, batch, accounts, cap);
      }
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
    if (!only.equals("anvil")) {
      try (ReplicaHarness fresh =
          ReplicaHarness.create("bench_replay", GenesisFile.read(genesisFile), topic, 500)) {
        long end = logEnd(topic);
        long start = System.nanoTime();
        long cpuBefore = processCpuNanos();
        fresh.start();
        while (fresh.replica().processedRecords() < end) {
          Thread.onSpinWait();
          java.util.concurrent.locks.LockSupport.parkNanos(1_000_000);
        }
        replaySeconds = (System.nanoTime() - start) / 1e9;
        System.out.printf(
            Locale.ROOT,
            "replay: %.1f µs of CPU per transaction on the replica thread (ledger and store)%n",
            replicaThreadCpuNanos(topic) / 1e3 / txs);
        System.out.printf(
            Locale.ROOT,
            "replay: %.0f µs of CPU per transaction in this JVM (replica, Kafka)%n",
            (processCpuNanos() - cpuBefore) / 1e3 / txs);
        records = end;
        if (!fresh
            .replica()
            .ledger()
            .head()
            .stateRoot()
            .equals(fresh.replica().ledger().stateRoot())) {
          throw new IllegalStateException("replayed state does not match its head");
        }
      }
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

  /** CPU time so far of the live threads, by name with digits and ids removed. */
  private static Map<String, Long> cpuByThreadGroup() {
    var threads = java.lang.management.ManagementFactory.getThreadMXBean();
    Map<String, Long> out = new java.util.TreeMap<>();
    for (Thread t : Thread.getAllStackTraces().keySet()) {
      long cpu = threads.getThreadCpuTime(t.getId());
      if (cpu > 0) {
        String group =
            t.getName()
                .replaceAll("[0-9a-f]{8}-[0-9a-f-]{27}", "")
                .replaceAll("[0-9]+", "")
                .replaceAll("[^A-Za-z.-]", "");
        out.merge(group, cpu, Long::sum);
      }
    }
    return out;
  }

  /** CPU time so far of the replica thread that reads {@code topic}. */
  private static long replicaThreadCpuNanos(String topic) {
    var threads = java.lang.management.ManagementFactory.getThreadMXBean();
    for (Thread t : Thread.getAllStackTraces().keySet()) {
      if (t.getName().equals("replica-" + topic)) {
        return threads.getThreadCpuTime(t.getId());
      }
    }
    return -1;
  }

  /** CPU time of this whole JVM (PostgreSQL runs in its own processes and is not counted). */
  private static long processCpuNanos() {
    return ((com.sun.management.OperatingSystemMXBean)
            java.lang.management.ManagementFactory.getOperatingSystemMXBean())
        .getProcessCpuTime();
  }

  private static long logEnd(String topic) throws Exception {
    try (var admin = org.apache.kafka.clients.admin.Admin.create(ReplicaHarness.kafka())) {
      var tp = new org.apache.kafka.common.TopicPartition(topic, 0);
      return admin
          .listOffsets(Map.of(tp, org.apache.kafka.clients.admin.OffsetSpec.latest()))
          .all()
          .get()
          .get(tp)
          .offset();
    }
  }

  /** Per sender, its transfers in nonce order (raw hex). */
  private static List<List<String>> sign(
      List<TestAccounts.Account> accounts,
      int perSender,
      long chain,
      Address to,
      BigInteger maxFee) {
    List<List<String>> out = new ArrayList<>();
    for (TestAccounts.Account a : accounts) {
      List<String> mine = new ArrayList<>();
      for (int n = 0; n < perSender; n++) {
        mine.add(
            Hex.encode(
                TestAccounts.eip1559(
                    a,
                    chain,
                    n,
                    BigInteger.ZERO,
                    maxFee,
                    21_000,
                    to,
                    BigInteger.ONE,
                    new byte[0])));
      }
      out.add(mine);
    }
    return out;
  }

  private static void warmUp(String url) throws Exception {
    for (int i = 0; i < 200; i++) {
      rpc(url, "eth_blockNumber");
    }
  }

  /**
   * Each client thread owns a share of the senders and sends batches that take the next nonce of
   * each of its senders, so a sender's transactions arrive in order; the clock stops when the
   * receipt of every sender's last transaction exists.
   */
  private static Result run(
      String url,
      List<List<String>> perSender,
      int threads,
      int batch,
      List<TestAccounts.Account> accounts,
      Duration cap)
      throws Exception {
    int total = perSender.stream().mapToInt(List::size).sum();
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    long start = System.nanoTime();
    List<Future<?>> work = new ArrayList<>();
    for (int t = 0; t < threads; t++) {
      int me = t;
      work.add(
          pool.submit(
              () -> {
                List<List<String>> mine = new ArrayList<>();
                for (int s = me; s < perSender.size(); s += threads) {
                  mine.add(perSender.get(s));
                }
                List<String> queue = new ArrayList<>();
                int rounds = mine.get(0).size();
                for (int n = 0; n < rounds; n++) {
                  for (List<String> s : mine) {
                    queue.add(s.get(n));
                  }
                }
                for (int i = 0; i < queue.size(); i += batch) {
                  if (System.nanoTime() - start > cap.toNanos()) {
                    break; // the client stops sending at the cap; executed ones are counted below
                  }
                  List<String> part = queue.subList(i, Math.min(queue.size(), i + batch));
                  JsonNode answers = batch(url, "eth_sendRawTransaction", part);
                  for (JsonNode a : answers) {
                    if (a.has("error")) {
                      throw new IllegalStateException("refused: " + a);
                    }
                  }
                }
                return null;
              }));
    }
    for (Future<?> f : work) {
      f.get();
    }
    List<String> last = new ArrayList<>();
    for (List<String> s : perSender) {
      byte[] raw = Hex.decode(s.get(s.size() - 1));
      last.add(Hex.encode(org.fedbridge.core.types.Keccak.hashBytes(raw)));
    }
    while (true) {
      if (System.nanoTime() - start > cap.toNanos()) {
        // Not all receipts within the cap: count what was executed (the senders' nonces).
        List<String> addresses = accounts.stream().map(a -> a.address().toHex()).toList();
        List<Map<String, Object>> requests = new ArrayList<>();
        for (int i = 0; i < addresses.size(); i++) {
          requests.add(
              Map.of(
                  "jsonrpc",
                  "2.0",
                  "id",
                  i,
                  "method",
                  "eth_getTransactionCount",
                  "params",
                  List.of(addresses.get(i), "latest")));
        }
        int done = 0;
        for (JsonNode r : post(url, JSON.writeValueAsString(requests))) {
          done += Integer.decode(r.get("result").asText());
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        System.out.printf(
            Locale.ROOT,
            "  (cap of %d s reached: %d of %d executed)%n",
            cap.toSeconds(),
            done,
            total);
        pool.shutdownNow();
        return new Result(done, seconds);
      }
      JsonNode receipts = batch(url, "eth_getTransactionReceipt", last);
      boolean all = true;
      for (JsonNode r : receipts) {
        all &= r.has("result") && !r.get("result").isNull();
      }
      if (all) {
        break;
      }
      java.util.concurrent.locks.LockSupport.parkNanos(Duration.ofMillis(10).toNanos());
    }
    double seconds = (System.nanoTime() - start) / 1e9;
    pool.shutdown();
    return new Result(total, seconds);
  }

  private static JsonNode batch(String url, String method, List<String> singleParams)
      throws Exception {
    List<Map<String, Object>> requests = new ArrayList<>();
    int id = 0;
    for (String p : singleParams) {
      requests.add(Map.of("jsonrpc", "2.0", "id", id++, "method", method, "params", List.of(p)));
    }
    return post(url, JSON.writeValueAsString(requests));
  }

  private static JsonNode rpc(String url, String method, Object... params) throws Exception {
    return post(
        url,
        JSON.writeValueAsString(
            Map.of("jsonrpc", "2.0", "id", 1, "method", method, "params", List.of(params))));
  }

  private static JsonNode post(String url, String body) throws Exception {
    HttpResponse<String> r =
        HTTP.send(
            HttpRequest.newBuilder(URI.create(url))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    return JSON.readTree(r.body());
  }
}
