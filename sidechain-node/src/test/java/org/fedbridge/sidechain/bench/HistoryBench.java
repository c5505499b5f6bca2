package org.fedbridge.sidechain.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.locks.LockSupport;
import org.fedbridge.sidechain.genesis.Genesis;
import org.fedbridge.sidechain.replication.TransactionLog;
import org.fedbridge.sidechain.testing.RandomTraffic;
import org.fedbridge.sidechain.testing.ReplicaHarness;
import org.fedbridge.sidechain.testing.TestAccounts;
import org.fedbridge.sidechain.testing.TestGenesis;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The cost of the history window: a log of random traffic (transfers, token calls, withdrawals) cut
 * into small blocks is replayed by fresh replicas without a window and with one; for each, replay
 * speed, CPU on the replica thread, and the database's size per 1,000 blocks. Not part of {@code
 * mvn verify}. Run:
 *
 * <pre>
 * mvn -B -q -pl sidechain-node exec:java -Dexec.classpathScope=test \
 *     -Dexec.mainClass=org.fedbridge.sidechain.bench.HistoryBench \
 *     [-Dbench.txs=20000] [-Dbench.blockSize=20] [-Dbench.windows=0,128]
 * </pre>
 */
public final class HistoryBench {
  private HistoryBench() {}

  public static void main(String[] args) {
    try {
      run();
    } catch (Throwable t) {
      t.printStackTrace();
      System.exit(1);
    }
    System.exit(0);
  }

  private static void run() throws Exception {
    int txs = Integer.getInteger("bench.txs", 20_000);
    int blockSize = Integer.getInteger("bench.blockSize", 20);
    int rounds = Integer.getInteger("bench.rounds", 2);
    List<Integer> windows = new ArrayList<>();
    for (String w : System.getProperty("bench.windows", "0,128").split(",")) {
      windows.add(Integer.parseInt(w.trim()));
    }
    long chain = 4245;
    List<TestAccounts.Account> accounts = TestAccounts.many("history-bench", 100);
    Genesis genesis = TestGenesis.of(chain, accounts, "0");
    RandomTraffic traffic = new RandomTraffic(chain, accounts, 7);
    String topic = "sidechain.txs.history." + UUID.randomUUID();
    ReplicaHarness.createTopic(topic);
    long records = 0;
    try (TransactionLog log = new TransactionLog(ReplicaHarness.kafka(), topic)) {
      log.append(traffic.mintAll(1));
      records++;
      while (traffic.transactions() < txs) {
        for (byte[] r : traffic.next(1000)) {
          log.append(r);
          records++;
        }
      }
      log.append(org.fedbridge.sidechain.ledger.LogRecords.tick());
      records++;
      log.flush();
    }
    System.out.printf(
        Locale.ROOT,
        "history bench: %d log records (%d transactions), blocks of %d, %d cores%n",
        records,
        traffic.transactions(),
        blockSize,
        Runtime.getRuntime().availableProcessors());
    int run = 0;
    for (int round = 0; round < rounds; round++) {
      for (int window : windows) {
        try (ReplicaHarness r =
            ReplicaHarness.create("history_bench_" + run++, genesis, topic, blockSize, window)) {
          var threads = java.lang.management.ManagementFactory.getThreadMXBean();
          long start = System.nanoTime();
          r.start();
          Thread replica = null;
          while (r.replica().processedRecords() < records) {
            if (replica == null) {
              replica = find("replica-" + topic);
            }
            LockSupport.parkNanos(2_000_000);
          }
          double seconds = (System.nanoTime() - start) / 1e9;
          long cpu = replica == null ? -1 : threads.getThreadCpuTime(replica.getId());
          long blocks = r.replica().ledger().head().number();
          JdbcTemplate jdbc = new JdbcTemplate(r.dataSource());
          long database =
              jdbc.queryForObject("SELECT pg_database_size(current_database())", Long.class);
          long history =
              jdbc.queryForObject(
                  "SELECT pg_total_relation_size('sidechain.state_history')", Long.class);
          long historyRows = jdbc.queryForObject("SELECT count(*) FROM state_history", Long.class);
          long chainTables =
              jdbc.queryForObject(
                  "SELECT sum(pg_total_relation_size(c.oid)) FROM pg_class c JOIN pg_namespace n"
                      + " ON n.oid = c.relnamespace WHERE n.nspname = 'sidechain' AND c.relkind = 'r'",
                  Long.class);
          System.out.printf(
              Locale.ROOT,
              "window %4d: %d blocks replayed in %.2f s = %.0f tx/s, %.1f µs CPU per transaction"
                  + " on the replica thread; tables %.1f MB = %.2f MB per 1,000 blocks"
                  + " (database %.1f MB); state_history %.2f MB, %d rows (the window, pruned every 16 blocks)%n",
              window,
              blocks,
              seconds,
              traffic.transactions() / seconds,
              cpu / 1e3 / traffic.transactions(),
              chainTables / 1e6,
              chainTables / 1e6 / (blocks / 1000.0),
              database / 1e6,
              history / 1e6,
              historyRows);
        }
      }
    }
  }

  private static Thread find(String name) {
    for (Thread t : Thread.getAllStackTraces().keySet()) {
      if (t.getName().equals(name)) {
        return t;
      }
    }
    return null;
  }
}
