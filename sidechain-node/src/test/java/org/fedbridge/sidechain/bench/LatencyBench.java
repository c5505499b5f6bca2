package org.fedbridge.sidechain.bench;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigInteger;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.LockSupport;
import org.fedbridge.core.types.Address;
import org.fedbridge.core.types.Hex;
import org.fedbridge.sidechain.rpc.Chain;
import org.fedbridge.sidechain.testing.JsonRpcClient;
import org.fedbridge.sidechain.testing.TestAccounts;
import org.fedbridge.sidechain.testing.TestGenesis;
import org.fedbridge.sidechain.testing.WsClient;

/**
 * What a person with a wallet and a dapp's WebSocket subscribers feel. Not part of {@code mvn
 * verify}. Run:
 *
 * <pre>
 * mvn -B -q -pl sidechain-node exec:java -Dexec.classpathScope=test \
 *     -Dexec.mainClass=org.fedbridge.sidechain.bench.LatencyBench \
 *     [-Dbench.transfers=200] [-Dbench.subscribers=500] [-Dbench.blocks=50]
 * </pre>
 *
 * <ol>
 *   <li><b>one wallet, one transfer at a time</b>: {@code eth_sendRawTransaction}, then {@code
 *       eth_getTransactionReceipt} every 5 ms until the receipt exists; the next transfer {@code
 *       bench.thinkMillis} later (a person reads the receipt first; 0 sends at once, which always
 *       lands right after the previous block). The node runs with its defaults (blocks at most
 *       every 200 ms when cut by time, as on the devnet).
 *   <li><b>newHeads delivery with N subscribers</b>: N WebSocket connections each subscribe to
 *       {@code newHeads}; for each block, the time from the moment the replica stored it (a
 *       listener in this JVM) to the moment each subscriber received its head.
 * </ol>
 */
public final class LatencyBench {
  private LatencyBench() {}

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
    int transfers = Integer.getInteger("bench.transfers", 200);
    int subscribers = Integer.getInteger("bench.subscribers", 500);
    int blocks = Integer.getInteger("bench.blocks", 50);
    long think = Long.getLong("bench.thinkMillis", 500);
    long chain = 4244;
    TestAccounts.Account wallet = TestAccounts.derived("latency-wallet", 0);
    Address sink = Address.fromHex("0x00000000000000000000000000000000000000be");
    Map<Address, BigInteger> alloc = new LinkedHashMap<>();
    alloc.put(wallet.address(), TestGenesis.ETHER.multiply(BigInteger.valueOf(1000)));
    try (BenchNode node =
        BenchNode.start(
            chain,
            alloc,
            "bench_latency",
            "--bridge.sidechain.websocket.max-connections=" + (subscribers + 10),
            "--bridge.sidechain.websocket.max-connections-per-client=" + (subscribers + 10),
            "--bridge.sidechain.blocks.tick-interval="
                + System.getProperty("bench.tickInterval", "200ms"))) {
      JsonRpcClient rpc = new JsonRpcClient(node.url());
      for (int i = 0; i < 50; i++) {
        rpc.result("eth_blockNumber"); // warm up the HTTP path
      }

      // 1. one wallet
      List<Long> sendToReceipt = new ArrayList<>();
      for (int n = 0; n < transfers; n++) {
        byte[] raw = TestAccounts.transfer(wallet, chain, n, sink, BigInteger.ONE);
        long start = System.nanoTime();
        String hash = rpc.result("eth_sendRawTransaction", Hex.encode(raw)).asText();
        while (rpc.result("eth_getTransactionReceipt", hash).isNull()) {
          LockSupport.parkNanos(Duration.ofMillis(5).toNanos());
        }
        sendToReceipt.add(System.nanoTime() - start);
        LockSupport.parkNanos(Duration.ofMillis(think).toNanos());
      }
      System.out.printf(
          Locale.ROOT,
          "one wallet, send to receipt (%d transfers, one at a time, %d ms apart): %s%n",
          transfers,
          think,
          Percentiles.ofNanos(sendToReceipt.subList(Math.min(10, transfers / 10), transfers)));

      // 2. newHeads to N subscribers
      Map<Long, Long> storedAt = new ConcurrentHashMap<>();
      node.context
          .getBean(Chain.class)
          .replica()
          .addListener(b -> storedAt.put(b.number(), System.nanoTime()));
      List<WsClient> clients = new ArrayList<>();
      List<String> subs = new ArrayList<>();
      for (int i = 0; i < subscribers; i++) {
        WsClient c = WsClient.connect(node.wsUrl());
        subs.add(c.subscribe("newHeads"));
        clients.add(c);
      }
      long nonce = transfers;
      long firstBlock = Long.MAX_VALUE;
      long lastBlock = 0;
      for (int b = 0; b < blocks; b++) {
        String hash =
            rpc.result(
                    "eth_sendRawTransaction",
                    Hex.encode(TestAccounts.transfer(wallet, chain, nonce++, sink, BigInteger.ONE)))
                .asText();
        JsonNode receipt;
        while ((receipt = rpc.result("eth_getTransactionReceipt", hash)).isNull()) {
          LockSupport.parkNanos(Duration.ofMillis(5).toNanos());
        }
        long number = Long.decode(receipt.get("blockNumber").asText());
        firstBlock = Math.min(firstBlock, number);
        lastBlock = Math.max(lastBlock, number);
      }
      List<Long> delivery = new ArrayList<>();
      List<Long> slowestPerBlock = new ArrayList<>();
      Map<Long, Long> slowest = new LinkedHashMap<>();
      for (int i = 0; i < clients.size(); i++) {
        WsClient c = clients.get(i);
        long seen = 0;
        while (seen < lastBlock) {
          WsClient.Notification head = c.next(subs.get(i), Duration.ofSeconds(30));
          if (head == null) {
            throw new IllegalStateException("subscriber " + i + " missed block " + (seen + 1));
          }
          seen = Long.decode(head.result().get("number").asText());
          Long stored = storedAt.get(seen);
          if (stored != null && seen >= firstBlock) {
            long latency = head.nanos() - stored;
            delivery.add(latency);
            slowest.merge(seen, latency, Math::max);
          }
        }
      }
      slowestPerBlock.addAll(slowest.values());
      System.out.printf(
          Locale.ROOT,
          "newHeads, %d subscribers, %d blocks, block stored -> head received: %s%n",
          subscribers,
          slowest.size(),
          Percentiles.ofNanos(delivery));
      System.out.printf(
          Locale.ROOT,
          "newHeads, %d subscribers, the last subscriber of each block: %s%n",
          subscribers,
          Percentiles.ofNanos(slowestPerBlock));
      clients.forEach(WsClient::close);
    }
  }
}
