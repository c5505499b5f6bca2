package org.fedbridge.sidechain.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.fedbridge.core.types.Address;
import org.fedbridge.sidechain.genesis.Genesis;
import org.fedbridge.sidechain.genesis.TokenAddresses;
import org.fedbridge.sidechain.testing.Abis;
import org.fedbridge.sidechain.testing.LedgerHarness;
import org.fedbridge.sidechain.testing.RandomTraffic;
import org.fedbridge.sidechain.testing.TestAccounts;
import org.fedbridge.sidechain.testing.TestGenesis;

/**
 * The ledger alone (no Kafka, no database, no HTTP): thread CPU time per transaction to decode,
 * recover the sender, execute and seal blocks of 500, for ETH transfers and for token transfers.
 * CPU time, not wall time, so that a machine shared with other builds still gives comparable
 * figures. Not part of {@code mvn verify}. Run:
 *
 * <pre>
 * mvn -B -q -pl sidechain-node exec:java -Dexec.classpathScope=test \
 *     -Dexec.mainClass=org.fedbridge.sidechain.bench.LedgerBench [-Dbench.txs=20000]
 * </pre>
 */
public final class LedgerBench {
  private LedgerBench() {}

  public static void main(String[] args) {
    int txs = Integer.getInteger("bench.txs", 20_000);
    int rounds = Integer.getInteger("bench.rounds", 5);
    long chain = 4243;
    List<TestAccounts.Account> senders = TestAccounts.many("ledger-bench", 200);
    Genesis genesis = TestGenesis.of(chain, senders, "0");
    Address sink = Address.fromHex("0x00000000000000000000000000000000000000be");
    Address token = TokenAddresses.sidechainToken(TestGenesis.L1_TOKEN);
    RandomTraffic mint = new RandomTraffic(chain, senders, 1);
    List<byte[]> eth = new ArrayList<>();
    List<byte[]> tokens = new ArrayList<>();
    for (int i = 0; i < txs; i++) {
      TestAccounts.Account from = senders.get(i % senders.size());
      long nonce = i / senders.size();
      eth.add(TestAccounts.transfer(from, chain, nonce, sink, BigInteger.ONE));
      tokens.add(
          TestAccounts.eip1559(
              from,
              chain,
              nonce,
              BigInteger.ZERO,
              BigInteger.ZERO,
              100_000,
              token,
              BigInteger.ZERO,
              Abis.transfer(sink, BigInteger.ONE)));
    }
    byte[] minted = mint.mintAll(1);
    ThreadMXBean cpu = ManagementFactory.getThreadMXBean();
    for (String kind : List.of("eth", "token")) {
      double[] perTx = new double[rounds];
      for (int r = 0; r < rounds; r++) {
        LedgerHarness h = new LedgerHarness(genesis, 500);
        h.apply(minted);
        h.tick();
        List<byte[]> work = kind.equals("eth") ? eth : tokens;
        long start = cpu.getCurrentThreadCpuTime();
        for (byte[] raw : work) {
          h.tx(raw);
        }
        h.tick();
        perTx[r] = (cpu.getCurrentThreadCpuTime() - start) / 1e3 / work.size();
        int included = h.blocks().stream().mapToInt(b -> b.transactions().size()).sum();
        if (included != work.size() + 1) {
          throw new IllegalStateException("only " + included + " included");
        }
      }
      Arrays.sort(perTx);
      System.out.printf(
          Locale.ROOT,
          "ledger %s transfers: %d per round, median %.1f µs CPU per transaction (min %.1f, max"
              + " %.1f, %d rounds)%n",
          kind,
          txs,
          perTx[rounds / 2],
          perTx[0],
          perTx[rounds - 1],
          rounds);
    }
  }
}
