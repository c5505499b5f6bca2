package org.fedbridge.validator.bench;

import com.zaxxer.hikari.HikariDataSource;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.math.BigInteger;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.fedbridge.core.message.Deposit;
import org.fedbridge.core.message.Domain;
import org.fedbridge.core.types.Address;
import org.fedbridge.core.types.Keccak;
import org.fedbridge.core.types.UInt256;
import org.fedbridge.validator.ValidatorProperties;
import org.fedbridge.validator.batch.BatchConfiguration;
import org.fedbridge.validator.batch.BlockRef;
import org.fedbridge.validator.signing.SigningConfiguration;
import org.fedbridge.validator.signing.SigningLoop;
import org.fedbridge.validator.testing.MutableClock;
import org.fedbridge.validator.testing.RecordingPublisher;
import org.fedbridge.validator.testing.TestDatabase;
import org.fedbridge.validator.testing.TestFederation;
import org.web3j.protocol.Web3j;
import org.web3j.protocol.http.HttpService;

/**
 * The validator's own share of a deposit's path, on real PostgreSQL: storing safe blocks of
 * deposits (what the L1 watcher does per block after its RPC calls) and one signing round over them
 * (own-observation check, protection record committed, BLS partial signature, hand-over). Prints
 * deposits per second and milliseconds per batch. Test-scope main: {@code mvn verify} never runs
 * it.
 *
 * <pre>
 * mvn -B -pl bridge-validator test-compile exec:java -Dexec.classpathScope=test \
 *   -Dexec.mainClass=org.fedbridge.validator.bench.SigningBench \
 *   -Dbench.blocks=200 -Dbench.perBlock="1 100"
 * </pre>
 */
public final class SigningBench {
  private SigningBench() {}

  public static void main(String[] args) throws Exception {
    int blocks = Integer.getInteger("bench.blocks", 200);
    String[] sizes = System.getProperty("bench.perBlock", "1 100").trim().split("\\s+");
    List<String> lines = new ArrayList<>();
    for (String size : sizes) {
      lines.add(run(blocks, Integer.parseInt(size)));
    }
    lines.forEach(System.out::println);
    Path out = Path.of("target", "bench.txt");
    Files.createDirectories(out.getParent());
    Files.write(out, lines);
    System.exit(0);
  }

  private static String run(int blocks, int perBlock) throws IOException {
    TestFederation federation = TestFederation.create(5, 3, 4);
    Address vault = Address.fromHex("0x5fbdb2315678afecb367f032d93f642f64180aa3");
    Domain domain = new Domain(UInt256.of(31337), vault, UInt256.of(1337), UInt256.ZERO);
    MutableClock clock = MutableClock.at("2026-05-01T00:00:00Z");
    RecordingPublisher publisher = new RecordingPublisher();
    TestDatabase db = TestDatabase.fresh("validator_bench");
    ThreadMXBean cpu = ManagementFactory.getThreadMXBean();
    try (HikariDataSource ds = db.open()) {
      BatchConfiguration.Store store = BatchConfiguration.Store.over(ds, clock);
      Web3j unused = Web3j.build(new HttpService("http://127.0.0.1:1"));
      SigningConfiguration.Standalone signing =
          SigningConfiguration.standalone(
              ds,
              clock,
              new SimpleMeterRegistry(),
              federation.signer(1, 0),
              () -> Optional.of(TestFederation.federations(federation.epoch(domain, 1))),
              () -> Optional.of(publisher),
              SigningConfiguration.Governance.none(),
              store,
              unused,
              properties(vault, blocks),
              () -> -1);

      long nonce = 1;
      Optional<BlockRef> previous = Optional.empty();
      long storeWall = System.nanoTime();
      long storeCpu = cpu.getCurrentThreadCpuTime();
      for (int b = 1; b <= blocks; b++) {
        List<Deposit> deposits = new ArrayList<>(perBlock);
        for (int i = 0; i < perBlock; i++, nonce++) {
          deposits.add(
              new Deposit(
                  UInt256.of(nonce), Address.ZERO, vault, vault, new UInt256(BigInteger.TEN)));
        }
        BlockRef block = new BlockRef(b, Keccak.hash(("block " + b).getBytes()));
        store.observations().recordDeposits(previous, block, deposits, Instant.now(clock));
        previous = Optional.of(block);
      }
      storeWall = System.nanoTime() - storeWall;
      storeCpu = cpu.getCurrentThreadCpuTime() - storeCpu;

      long signWall = System.nanoTime();
      long signCpu = cpu.getCurrentThreadCpuTime();
      SigningLoop.Round round = signing.loop().runOnce();
      signWall = System.nanoTime() - signWall;
      signCpu = cpu.getCurrentThreadCpuTime() - signCpu;
      unused.shutdown();
      if (round.signed() != blocks || publisher.published().size() != blocks) {
        throw new IllegalStateException("signed " + round.signed() + " of " + blocks);
      }
      long deposits = (long) blocks * perBlock;
      return String.format(
          "blocks=%d depositsPerBlock=%d | store: %.0f deposits/s (%.2f ms/block wall, %.2f ms"
              + " CPU) | sign round: %.2f ms/batch wall, %.2f ms/batch CPU, %.0f deposits/s",
          blocks,
          perBlock,
          deposits / (storeWall / 1e9),
          storeWall / 1e6 / blocks,
          storeCpu / 1e6 / blocks,
          signWall / 1e6 / blocks,
          signCpu / 1e6 / blocks,
          deposits / (signWall / 1e9));
    }
  }

  private static ValidatorProperties properties(Address vault, int maxBatches) {
    return new ValidatorProperties(
        "bench",
        new ValidatorProperties.L1(
            URI.create("http://127.0.0.1:1"),
            31337L,
            vault.toHex(),
            12,
            ValidatorProperties.Finality.AUTO,
            0,
            Duration.ofSeconds(1),
            256,
            Duration.ofSeconds(1),
            1),
        new ValidatorProperties.Sidechain(
            URI.create("http://127.0.0.1:1"),
            1337L,
            1,
            Duration.ofSeconds(1),
            1000,
            Duration.ofSeconds(1)),
        null,
        new ValidatorProperties.Topics("p", "c", "d", "h"),
        null, // keys, DKG and federation settings: not used by these tests
        null,
        null,
        new ValidatorProperties.Signing(Duration.ofSeconds(1), maxBatches, 1000),
        new ValidatorProperties.Limits(Duration.ZERO),
        ValidatorProperties.Consensus.defaults(),
        ValidatorProperties.Submit.defaults(),
        ValidatorProperties.Heartbeat.defaults());
  }
}
