package org.fedbridge.relayer.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.DriverManager;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import org.fedbridge.relayer.RelayerApplication;
import org.fedbridge.testsupport.FreePorts;
import org.fedbridge.testsupport.TestKafka;
import org.fedbridge.testsupport.TestPostgres;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Status API latency under a fixed request rate (open loop: each request is due at its slot and its
 * latency counts from then, so a stall is not hidden) with {@code bench.transfers} transfers in the
 * relayer's database. Not a test: run with
 *
 * <pre>
 * mvn -B -q -pl relayer test-compile exec:java -Dexec.classpathScope=test \
 *   -Dexec.mainClass=org.fedbridge.relayer.bench.StatusApiBench \
 *   -Dbench.transfers=100000 -Dbench.rate=200 -Dbench.seconds=60
 * </pre>
 *
 * The mix: 50 % a withdrawal by nonce, 20 % a deposit by nonce, 15 % by transaction hash, 15 % an
 * address's newest page of 20.
 */
public final class StatusApiBench {
  public static void main(String[] args) throws Exception {
    int transfers = Integer.getInteger("bench.transfers", 100_000);
    int rate = Integer.getInteger("bench.rate", 200);
    int seconds = Integer.getInteger("bench.seconds", 60);
    TestPostgres pg = TestPostgres.shared();
    String db = pg.createDatabase("relayer_bench");
    int port = FreePorts.next();
    ConfigurableApplicationContext app =
        SpringApplication.run(
            RelayerApplication.class,
            "--server.port=" + port,
            "--spring.datasource.url=" + db,
            "--spring.datasource.username=" + pg.username(),
            "--spring.datasource.password=" + pg.password(),
            "--bridge.relayer.l1.rpc-url=http://127.0.0.1:9",
            "--bridge.relayer.l1.chain-id=31337",
            "--bridge.relayer.vault=0x5FbDB2315678afecb367f032d93F642f64180aa3",
            "--bridge.relayer.sidechain.rpc-url=http://127.0.0.1:9",
            "--bridge.relayer.sidechain.chain-id=1337",
            "--bridge.relayer.kafka.bootstrap-servers=" + TestKafka.shared().bootstrapServers(),
            "--bridge.relayer.topics.certificates=bench.certificates",
            "--bridge.relayer.topics.partials=bench.partials",
            "--bridge.relayer.api.rate-limit.requests-per-second=100000",
            "--bridge.relayer.api.rate-limit.burst=100000",
            "--logging.level.root=WARN");
    try {
      seed(db, pg, transfers);
      System.out.printf(
          "seeded %d transfers (%d stage rows); %d req/s for %d s on 127.0.0.1:%d%n",
          transfers, transfers * 3L, rate, seconds, port);
      run("http://127.0.0.1:" + port + "/api/v1", transfers, rate, 10, false); // warm-up
      run("http://127.0.0.1:" + port + "/api/v1", transfers, rate, seconds, true);
    } finally {
      app.close();
      System.exit(0);
    }
  }

  static void seed(String db, TestPostgres pg, int n) throws Exception {
    try (Connection c = DriverManager.getConnection(db, pg.username(), pg.password())) {
      var s = c.createStatement();
      s.execute(
          "INSERT INTO relayer.transfers (kind, nonce, l1_token, sender, recipient, amount, batch_id,"
              + " leaf_index, source_tx_hash, target_tx_hash, stage, stage_at, created_at, updated_at)"
              + " SELECT CASE WHEN i % 2 = 0 THEN 'WITHDRAWAL' ELSE 'DEPOSIT' END, i / 2 + 1,"
              + " '0x0000000000000000000000000000000000000000',"
              + " '0x' || lpad(to_hex(i % 5000), 40, '0'), '0x' || lpad(to_hex((i + 7) % 5000), 40, '0'),"
              + " 1000000000000000000, i / 4, 0,"
              + " '0x' || lpad(to_hex(i), 64, '0'), '0x' || lpad(to_hex(i + 10000000), 64, '0'),"
              + " CASE WHEN i % 10 = 0 THEN 'ROOT_POSTED' ELSE 'CLAIMED' END, now(), now(), now()"
              + " FROM generate_series(0, "
              + (n - 1)
              + ") i");
      s.execute(
          "INSERT INTO relayer.transfer_stages (transfer_id, stage, detail, at)"
              + " SELECT t.id, st.stage, NULL, now() FROM relayer.transfers t,"
              + " (VALUES ('REQUESTED'), ('CERTIFIED'), ('CLAIMED')) AS st(stage)");
      s.execute(
          "INSERT INTO relayer.batches (kind, batch_id, root, leaf_count, cert_epoch, cert_root,"
              + " certified_at, partials, threshold, posted_tx_hash, posted_at, updated_at)"
              + " SELECT k, b, '0x' || lpad(to_hex(b), 64, '0'), 4, 0, '0x' || lpad(to_hex(b), 64, '0'),"
              + " now(), 3, 3, '0x' || lpad(to_hex(b + 20000000), 64, '0'), now(), now()"
              + " FROM generate_series(0, "
              + (n / 4)
              + ") b, (VALUES ('DEPOSIT'), ('WITHDRAWAL')) AS kk(k)");
      s.execute("ANALYZE");
    }
  }

  static void run(String api, int transfers, int rate, int seconds, boolean report)
      throws Exception {
    HttpClient http =
        HttpClient.newBuilder()
            .connectTimeout(Duration.ofSeconds(5))
            .version(HttpClient.Version.HTTP_1_1)
            .build();
    ConcurrentLinkedQueue<Long> latencies = new ConcurrentLinkedQueue<>();
    AtomicInteger errors = new AtomicInteger();
    List<CompletableFuture<?>> inFlight = new ArrayList<>();
    long interval = 1_000_000_000L / rate;
    long start = System.nanoTime();
    long total = (long) rate * seconds;
    for (long i = 0; i < total; i++) {
      long due = start + i * interval;
      long wait = due - System.nanoTime();
      if (wait > 0) {
        LockSupport.parkNanos(wait);
      }
      HttpRequest request = HttpRequest.newBuilder(URI.create(api + path(transfers))).build();
      inFlight.add(
          http.sendAsync(request, HttpResponse.BodyHandlers.discarding())
              .whenComplete(
                  (r, e) -> {
                    latencies.add(System.nanoTime() - due);
                    if (e != null || r.statusCode() != 200) {
                      errors.incrementAndGet();
                    }
                  }));
    }
    CompletableFuture.allOf(inFlight.toArray(CompletableFuture[]::new))
        .exceptionally(e -> null)
        .join();
    double elapsed = (System.nanoTime() - start) / 1e9;
    if (!report) {
      return;
    }
    long[] sorted = latencies.stream().mapToLong(Long::longValue).sorted().toArray();
    System.out.printf(
        Locale.ROOT,
        "requests %d in %.1f s (%.1f req/s), non-200 %d; latency ms: p50 %.2f p90 %.2f p99 %.2f max %.2f%n",
        sorted.length,
        elapsed,
        sorted.length / elapsed,
        errors.get(),
        ms(sorted, 0.50),
        ms(sorted, 0.90),
        ms(sorted, 0.99),
        sorted[sorted.length - 1] / 1e6);
  }

  static double ms(long[] sorted, double q) {
    return sorted[(int) Math.min(sorted.length - 1, Math.floor(q * sorted.length))] / 1e6;
  }

  static String path(int transfers) {
    ThreadLocalRandom r = ThreadLocalRandom.current();
    int i = r.nextInt(transfers);
    int pick = r.nextInt(100);
    if (pick < 50) {
      return "/withdrawals/" + (r.nextInt(transfers / 2) + 1);
    }
    if (pick < 70) {
      return "/deposits/" + (r.nextInt(transfers / 2) + 1);
    }
    if (pick < 85) {
      return "/transfers/tx/0x" + String.format("%064x", i);
    }
    return "/addresses/0x" + String.format("%040x", i % 5000) + "/transfers?size=20";
  }
}
