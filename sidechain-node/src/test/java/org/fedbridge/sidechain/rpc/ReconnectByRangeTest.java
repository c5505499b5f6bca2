package org.fedbridge.sidechain.rpc;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigInteger;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import org.fedbridge.core.types.Address;
import org.fedbridge.core.types.Hex;
import org.fedbridge.sidechain.genesis.TokenAddresses;
import org.fedbridge.sidechain.testing.Abis;
import org.fedbridge.sidechain.testing.TestAccounts;
import org.fedbridge.sidechain.testing.TestFederation;
import org.fedbridge.sidechain.testing.TestGenesis;
import org.fedbridge.sidechain.testing.WsClient;
import org.junit.jupiter.api.Test;

/**
 * A log subscriber that disconnects while logs keep coming, reconnects, subscribes again and asks
 * by range for what it missed (from the last block it saw) ends up with every log exactly once.
 */
class ReconnectByRangeTest extends RunningNodeTest {
  private static final Address TOKEN = TokenAddresses.sidechainToken(TestGenesis.L1_TOKEN);
  private static final int TRANSFERS = 60;

  @Test
  void aSubscriberThatReconnectsAndAsksByRangeMissesNoLog() throws Exception {
    TestAccounts.Account payer = TestAccounts.derived("reconnect-payer", 0);
    mint(
        700,
        List.of(
            TestFederation.deposit(700, Address.ZERO, payer.address(), TestGenesis.ETHER),
            tokenDeposit(701, payer.address(), BigInteger.valueOf(1_000_000))));
    Map<String, Object> onlyTheToken = Map.of("address", TOKEN.toHex());
    Set<String> received = new LinkedHashSet<>();
    long firstBlock = Long.decode(result("eth_blockNumber").asText());

    WsClient first = WsClient.connect("ws://127.0.0.1:" + port + "/");
    String sub = first.subscribe("logs", onlyTheToken);
    // Transfers keep coming, one after the other, while the subscriber goes away and comes back.
    CompletableFuture<String> producer =
        CompletableFuture.supplyAsync(
            () -> {
              try {
                long nonce = client().nonce(payer.address());
                String last = null;
                for (int i = 0; i < TRANSFERS; i++) {
                  Address to = TestAccounts.derived("reconnect-to", i).address();
                  last = send(payer, nonce + i, to, i + 1);
                  if (i % 10 == 9) {
                    awaitReceipt(last);
                  }
                }
                return last;
              } catch (Exception e) {
                throw new IllegalStateException(e);
              }
            });
    long lastSeenBlock = firstBlock;
    while (received.size() < 15) {
      JsonNode log = first.next(sub, Duration.ofSeconds(20)).result();
      received.add(key(log));
      lastSeenBlock = Long.decode(log.get("blockNumber").asText());
    }
    first.close(); // gone: logs of the next blocks are missed

    try (WsClient again = WsClient.connect("ws://127.0.0.1:" + port + "/")) {
      String resumed = again.subscribe("logs", onlyTheToken); // first subscribe, then ask by range
      JsonNode missed =
          again
              .call(
                  "eth_getLogs",
                  Map.of(
                      "address",
                      TOKEN.toHex(),
                      "fromBlock",
                      "0x" + Long.toHexString(lastSeenBlock),
                      "toBlock",
                      "latest"))
              .get("result");
      missed.forEach(l -> received.add(key(l)));
      String lastTx = producer.get();
      JsonNode lastReceipt = awaitReceipt(lastTx);
      String lastKey =
          lastReceipt.get("blockHash").asText()
              + "/"
              + lastReceipt.get("logs").get(0).get("logIndex").asText();
      while (!received.contains(lastKey)) {
        received.add(key(again.next(resumed, Duration.ofSeconds(20)).result()));
      }
      long lastBlock = Long.decode(lastReceipt.get("blockNumber").asText());
      List<String> all = new ArrayList<>();
      result(
              "eth_getLogs",
              Map.of(
                  "address",
                  TOKEN.toHex(),
                  "fromBlock",
                  "0x" + Long.toHexString(firstBlock + 1),
                  "toBlock",
                  "0x" + Long.toHexString(lastBlock)))
          .forEach(l -> all.add(key(l)));
      assertThat(all).hasSizeGreaterThanOrEqualTo(TRANSFERS);
      assertThat(received).containsAll(all);
    }
  }

  private String send(TestAccounts.Account from, long nonce, Address to, long amount)
      throws Exception {
    BigInteger z = BigInteger.ZERO;
    return result(
            "eth_sendRawTransaction",
            Hex.encode(
                TestAccounts.eip1559(
                    from,
                    CHAIN,
                    nonce,
                    z,
                    z,
                    100_000,
                    TOKEN,
                    z,
                    Abis.transfer(to, BigInteger.valueOf(amount)))))
        .asText();
  }

  /** A log's identity: its block and its index there. */
  private static String key(JsonNode log) {
    return log.get("blockHash").asText() + "/" + log.get("logIndex").asText();
  }
}
