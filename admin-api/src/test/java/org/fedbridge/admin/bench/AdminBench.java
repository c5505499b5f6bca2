package org.fedbridge.admin.bench;

import java.math.BigInteger;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import org.fedbridge.admin.AdminApplication;
import org.fedbridge.admin.TestBridge;
import org.fedbridge.admin.TestChain;
import org.fedbridge.admin.TestConsole;
import org.fedbridge.admin.TestSidechain;
import org.fedbridge.admin.auth.AdminPrincipal;
import org.fedbridge.admin.auth.Principals;
import org.fedbridge.admin.auth.Role;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.web3j.crypto.Credentials;
import org.web3j.protocol.core.DefaultBlockParameterName;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The console's figures for docs/performance.md (not part of verify):
 *
 * <ol>
 *   <li>reconciliation detection latency: ETH leaves the vault with no burn behind it (forged with
 *       {@code anvil_setBalance}); the time until the mismatch is visible in {@code
 *       /api/reconciliation}; restored, then again, {@code bench.trials} times;
 *   <li>the console API under an open-loop load of {@code bench.rate} requests per second for
 *       {@code bench.seconds}, from five viewers (within the default per-client rate limit), over
 *       the reads a console page makes: latency percentiles.
 * </ol>
 *
 * <pre>
 * mvn -B -q -pl admin-api -am install -DskipTests
 * mvn -B -q -pl admin-api exec:java -Dexec.classpathScope=test \
 *   -Dexec.mainClass=org.fedbridge.admin.bench.AdminBench \
 *   -Dbench.trials=10 -Dbench.rate=50 -Dbench.seconds=60 -Dbench.interval=PT5S
 * </pre>
 */
public final class AdminBench {
  private static final JsonMapper JSON = JsonMapper.builder().build();

  private AdminBench() {}

  public static void main(String[] args) throws Exception {
    int trials = Integer.getInteger("bench.trials", 10);
    int rate = Integer.getInteger("bench.rate", 50);
    int seconds = Integer.getInteger("bench.seconds", 60);
    String interval = System.getProperty("bench.interval", "PT5S");
    TestChain chain = TestChain.start(TestConsole.dir("bench-chain"));
    TestSidechain sidechain =
        TestSidechain.start(
            chain, TestConsole.dir("bench-sidechain"), "admin_bench_sidechain", Map.of());
    TestBridge bridge = new TestBridge(chain, sidechain);
    Map<String, String> settings =
        new LinkedHashMap<>(
            TestConsole.settings(TestConsole.database("admin_bench"), TestConsole.dir("bench")));
    settings.putAll(chain.settings());
    settings.put("bridge.admin.sidechain.rpc-url", sidechain.url());
    settings.put("bridge.admin.reconciliation.interval", interval);
    settings.put("server.port", "0");
    settings.put("logging.level.org.fedbridge", "WARN");
    List<String> cli = new ArrayList<>();
    settings.forEach((k, v) -> cli.add("--" + k + "=" + v));
    ConfigurableApplicationContext console =
        new SpringApplicationBuilder(AdminApplication.class).run(cli.toArray(String[]::new));
    try {
      String base = "http://127.0.0.1:" + console.getEnvironment().getProperty("local.server.port");
      Principals principals = console.getBean(Principals.class);
      AdminPrincipal bootstrap =
          new AdminPrincipal("bootstrap", Set.of(Role.ADMIN), AdminPrincipal.Source.API_TOKEN, 0);
      List<String> viewers = new ArrayList<>();
      for (int i = 0; i < 5; i++) {
        viewers.add(
            principals
                .create(bootstrap, "bench-viewer-" + i, Set.of(Role.OPERATOR))
                .orThrow()
                .token());
      }
      // Something to reconcile: a deposit minted.
      Credentials user = Credentials.create(chain.anvil.privateKeys().get(3));
      bridge.depositAndMint(user, user.getAddress(), TestChain.ETHER.multiply(BigInteger.TEN));
      waitFor(() -> status(base, viewers.get(0)).path("tokens").size() > 0, 120);

      System.out.printf(
          "machine: %d cores, %s%n",
          Runtime.getRuntime().availableProcessors(), System.getProperty("java.version"));
      System.out.printf("reconciliation interval %s, %d trials%n", interval, trials);
      List<Long> detection = new ArrayList<>();
      for (int t = 0; t < trials; t++) {
        BigInteger balance =
            chain
                .web3j
                .ethGetBalance(chain.vault, DefaultBlockParameterName.LATEST)
                .send()
                .getBalance();
        // Forge at a random point of the reconciliation cycle, not just after a round.
        LockSupport.parkNanos((long) (Math.random() * Duration.parse(interval).toNanos()));
        long start = System.nanoTime();
        bridge.anvil(
            "anvil_setBalance", chain.vault, "0x" + balance.subtract(TestChain.ETHER).toString(16));
        bridge.anvil("evm_mine");
        waitFor(() -> open(base, viewers.get(0)), 120);
        detection.add((System.nanoTime() - start) / 1_000_000);
        bridge.anvil("anvil_setBalance", chain.vault, "0x" + balance.toString(16));
        bridge.anvil("evm_mine");
        waitFor(() -> !open(base, viewers.get(0)), 120);
      }
      Collections.sort(detection);
      System.out.printf(
          "detection latency ms: min %d, median %d, max %d (all: %s)%n",
          detection.get(0),
          detection.get(detection.size() / 2),
          detection.get(detection.size() - 1),
          detection);

      List<String> paths =
          List.of(
              "/api/federation",
              "/api/proposals",
              "/api/reconciliation",
              "/api/watchtower/roots",
              "/api/audit?limit=50",
              "/api/federation/rotation",
              "/api/me",
              "/api/pause");
      HttpClient http = HttpClient.newBuilder().executor(Executors.newFixedThreadPool(16)).build();
      ConcurrentLinkedQueue<Long> latencies = new ConcurrentLinkedQueue<>();
      Map<String, ConcurrentLinkedQueue<Long>> byPath =
          new java.util.concurrent.ConcurrentHashMap<>();
      AtomicInteger errors = new AtomicInteger();
      List<CompletableFuture<?>> inflight = Collections.synchronizedList(new ArrayList<>());
      ScheduledExecutorService clock = Executors.newSingleThreadScheduledExecutor();
      AtomicInteger n = new AtomicInteger();
      long periodMicros = 1_000_000L / rate;
      clock.scheduleAtFixedRate(
          () -> {
            int i = n.getAndIncrement();
            HttpRequest req =
                HttpRequest.newBuilder(URI.create(base + paths.get(i % paths.size())))
                    .header("Authorization", "Bearer " + viewers.get(i % viewers.size()))
                    .build();
            long sent = System.nanoTime();
            inflight.add(
                http.sendAsync(req, HttpResponse.BodyHandlers.discarding())
                    .whenComplete(
                        (r, e) -> {
                          if (e != null || r.statusCode() != 200) {
                            errors.incrementAndGet();
                          } else {
                            long micros = (System.nanoTime() - sent) / 1000;
                            latencies.add(micros);
                            byPath
                                .computeIfAbsent(
                                    req.uri().getPath(), k -> new ConcurrentLinkedQueue<>())
                                .add(micros);
                          }
                        }));
          },
          0,
          periodMicros,
          TimeUnit.MICROSECONDS);
      LockSupport.parkNanos(TimeUnit.SECONDS.toNanos(seconds));
      clock.shutdownNow();
      CompletableFuture.allOf(inflight.toArray(CompletableFuture[]::new)).get(60, TimeUnit.SECONDS);
      List<Long> sorted = new ArrayList<>(latencies);
      Collections.sort(sorted);
      System.out.printf(
          "API at %d req/s for %d s, %d requests (%d errors), mix %s:%n",
          rate, seconds, n.get(), errors.get(), paths);
      System.out.printf(
          "  p50 %.1f ms, p95 %.1f ms, p99 %.1f ms, max %.1f ms%n",
          pct(sorted, 50),
          pct(sorted, 95),
          pct(sorted, 99),
          sorted.get(sorted.size() - 1) / 1000.0);
      byPath.forEach(
          (path, q) -> {
            List<Long> l = new ArrayList<>(q);
            Collections.sort(l);
            System.out.printf("  %-28s p50 %.1f ms, p99 %.1f ms%n", path, pct(l, 50), pct(l, 99));
          });
    } finally {
      console.close();
      sidechain.close();
      chain.close();
    }
    System.exit(0);
  }

  private static double pct(List<Long> sorted, int p) {
    return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(sorted.size() * p / 100.0) - 1))
        / 1000.0;
  }

  private static JsonNode status(String base, String token) {
    try {
      return JSON.readTree(
          HttpClient.newHttpClient()
              .send(
                  HttpRequest.newBuilder(URI.create(base + "/api/reconciliation"))
                      .header("Authorization", "Bearer " + token)
                      .build(),
                  HttpResponse.BodyHandlers.ofString())
              .body());
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  private static boolean open(String base, String token) {
    return status(base, token)
        .path("openMismatches")
        .findValuesAsString("kind")
        .contains("vault-short");
  }

  private static void waitFor(java.util.function.BooleanSupplier condition, int seconds) {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        throw new IllegalStateException("condition not met in " + seconds + " s");
      }
      LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(50));
    }
  }
}
