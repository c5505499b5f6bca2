package org.fedbridge.relayer.e2e;

import static org.awaitility.Awaitility.await;

import java.math.BigInteger;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;

/**
 * Burn on the sidechain to payment on L1, and L1 gas per withdrawal as the relayer batches them, on
 * the end-to-end system ({@link Bridge}: anvil mining a block a second, a real sidechain-node,
 * Kafka, PostgreSQL, the relayer in its own JVM). The test federation plays the validators and
 * certifies each sidechain block as soon as it holds withdrawals, so the figure is the relayer's
 * and the chains' part, without signing latency. Not a test: run with
 *
 * <pre>
 * mvn -B -q -pl relayer test-compile exec:java -Dexec.classpathScope=test \
 *   -Dexec.mainClass=org.fedbridge.relayer.e2e.RoundTripBench -Dbench.withdrawals=40 -Dbench.batch=64
 * </pre>
 */
public final class RoundTripBench {
  public static void main(String[] args) throws Exception {
    try {
      run();
    } finally {
      System.exit(0); // the started system's threads would keep the JVM alive
    }
  }

  private static void run() throws Exception {
    int count = Integer.getInteger("bench.withdrawals", 40);
    int batch = Integer.getInteger("bench.batch", 64);
    Bridge bridge = Bridge.get();
    Users users = new Users(bridge);
    RelayerDb db = new RelayerDb(bridge);

    // 1. Latency: one withdrawal at a time, burn receipt to CLAIMED in the API.
    List<Long> millis = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      var user = bridge.users.get(i % 5);
      long t0 = System.nanoTime();
      Users.Burn burn =
          users.withdrawEth(user, Users.freshAddress(), Bridge.ether(1).divide(BigInteger.TEN));
      String url = bridge.relayerUrl() + "/api/v1/withdrawals/" + burn.nonce();
      // The validators certify a block once their replica has it, as the relayer's does.
      await()
          .atMost(Duration.ofMinutes(1))
          .pollInterval(Duration.ofMillis(50))
          .until(() -> Http.get(url).status() == 200);
      bridge.validators.certifyWithdrawals(burn.block());
      try {
        await()
            .atMost(Duration.ofMinutes(2))
            .pollInterval(Duration.ofMillis(50))
            .until(() -> Http.get(url).body().contains("\"stage\":\"CLAIMED\""));
      } catch (org.awaitility.core.ConditionTimeoutException e) {
        throw new IllegalStateException("not claimed: " + Http.get(url).body(), e);
      }
      millis.add((System.nanoTime() - t0) / 1_000_000);
    }
    long[] sorted = millis.stream().mapToLong(Long::longValue).sorted().toArray();
    System.out.printf(
        Locale.ROOT,
        "burn -> paid, %d withdrawals one at a time: p50 %.1f s, p99 %.1f s, max %.1f s%n",
        sorted.length,
        sorted[sorted.length / 2] / 1e3,
        sorted[(int) Math.min(sorted.length - 1, Math.floor(0.99 * sorted.length))] / 1e3,
        sorted[sorted.length - 1] / 1e3);

    // 2. Gas: `batch` withdrawals burned together, claimed as the relayer batches them; to
    // recipients new on L1 (each payout creates an account: +25,000 gas), then to existing ones.
    gas(bridge, users, db, batch, "new recipients", Users::freshAddress);
    java.util.concurrent.atomic.AtomicInteger next =
        new java.util.concurrent.atomic.AtomicInteger();
    List<String> existing = bridge.users.stream().map(c -> c.getAddress()).toList();
    gas(
        bridge,
        users,
        db,
        batch,
        "existing recipients",
        () -> existing.get(next.getAndIncrement() % existing.size()));
  }

  private static void gas(
      Bridge bridge,
      Users users,
      RelayerDb db,
      int batch,
      String label,
      java.util.function.Supplier<String> recipients) {
    List<Users.Burn> burns =
        users.withdrawManyEth(
            bridge.users.subList(0, 5), batch, Bridge.ether(1).divide(BigInteger.TEN), recipients);
    Set<Long> blocks = new TreeSet<>();
    burns.forEach(b -> blocks.add(b.block()));
    blocks.forEach(bridge.validators::certifyWithdrawals);
    for (Users.Burn b : burns) {
      await()
          .atMost(Duration.ofMinutes(3))
          .pollInterval(Duration.ofMillis(200))
          .until(
              () ->
                  Http.get(bridge.relayerUrl() + "/api/v1/withdrawals/" + b.nonce())
                      .body()
                      .contains("\"stage\":\"CLAIMED\""));
    }
    long postGas = 0;
    for (long block : blocks) {
      postGas += db.gasUsed(db.postRoot(block));
    }
    Set<Long> claimIntents = new TreeSet<>();
    long claimGas = 0;
    for (Users.Burn b : burns) {
      for (RelayerDb.Intent intent : db.claimsOf(b.nonce())) {
        if (claimIntents.add(intent.id())) {
          claimGas += db.gasUsed(List.of(intent));
        }
      }
    }
    double perWithdrawal = (postGas + claimGas) / (double) burns.size();
    System.out.printf(
        Locale.ROOT,
        "gas, %s: %d withdrawals in %d sidechain blocks (roots) and %d claimMany: roots %d,"
            + " claims %d, per withdrawal %.0f = %.3f of the 13-of-19 ECDSA reference (150,402)%n",
        label,
        burns.size(),
        blocks.size(),
        claimIntents.size(),
        postGas,
        claimGas,
        perWithdrawal,
        perWithdrawal / 150_402.0);
  }
}
