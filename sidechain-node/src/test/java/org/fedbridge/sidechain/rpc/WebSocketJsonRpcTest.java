package org.fedbridge.sidechain.rpc;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigInteger;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.fedbridge.core.types.Address;
import org.fedbridge.core.types.Hex;
import org.fedbridge.core.types.Keccak;
import org.fedbridge.sidechain.genesis.TokenAddresses;
import org.fedbridge.sidechain.testing.Abis;
import org.fedbridge.sidechain.testing.TestAccounts;
import org.fedbridge.sidechain.testing.TestGenesis;
import org.fedbridge.sidechain.testing.WsClient;
import org.junit.jupiter.api.Test;

/**
 * JSON-RPC over WebSocket on the HTTP port and path: the HTTP methods, and subscriptions to new
 * heads, filtered logs and pending transactions, against a running node.
 */
class WebSocketJsonRpcTest extends RunningNodeTest {
  private static final Duration WAIT = Duration.ofSeconds(20);
  private static final TestAccounts.Account GRACE = TestAccounts.derived("sample", 0);
  private static final Address TOKEN = TokenAddresses.sidechainToken(TestGenesis.L1_TOKEN);

  private String wsUrl() {
    return "ws://127.0.0.1:" + port + "/";
  }

  private String send(byte[] raw) throws Exception {
    return result("eth_sendRawTransaction", Hex.encode(raw)).asText();
  }

  private long nonce() throws Exception {
    return client().nonce(GRACE.address());
  }

  @Test
  void everyHttpMethodAnswersOverWebSocketAndSubscriptionsAreRefusedOverHttp() throws Exception {
    try (WsClient ws = WsClient.connect(wsUrl())) {
      assertThat(ws.call("eth_chainId").get("result").asText()).isEqualTo("0x539");
      assertThat(ws.call("bridge_epoch").get("result").get("threshold").asInt()).isEqualTo(3);
      JsonNode batchOverWs = ws.call("eth_getBalance", "0x1234", "latest");
      assertThat(batchOverWs.get("error").get("code").asInt()).isEqualTo(-32602);
    }
    JsonNode overHttp = call("eth_subscribe", "newHeads");
    assertThat(overHttp.get("error").get("code").asInt()).isEqualTo(-32601);
    assertThat(overHttp.get("error").get("message").asText())
        .isEqualTo("notifications not supported");
  }

  @Test
  void newHeadsPendingTransactionsAndFilteredLogsArePushed() throws Exception {
    mint(400, List.of(tokenDeposit(400, GRACE.address(), BigInteger.valueOf(1_000_000))));
    Address carol = TestAccounts.derived("ws-carol", 0).address();
    try (WsClient ws = WsClient.connect(wsUrl())) {
      String heads = ws.subscribe("newHeads");
      String pending = ws.subscribe("newPendingTransactions");
      String toCarol =
          ws.subscribe(
              "logs",
              Map.of(
                  "address",
                  TOKEN.toHex(),
                  "topics",
                  java.util.Arrays.asList(
                      Keccak.hash("Transfer(address,address,uint256)".getBytes()).toHex(),
                      null,
                      "0x000000000000000000000000" + carol.toHex().substring(2))));
      String anyOtherToken =
          ws.subscribe("logs", Map.of("address", "0x00000000000000000000000000000000000000ff"));
      long nonce = nonce();
      BigInteger z = BigInteger.ZERO;
      String transfer =
          send(
              TestAccounts.eip1559(
                  GRACE,
                  CHAIN,
                  nonce,
                  z,
                  z,
                  100_000,
                  TOKEN,
                  z,
                  Abis.transfer(carol, BigInteger.valueOf(77))));
      String other =
          send(
              TestAccounts.eip1559(
                  GRACE,
                  CHAIN,
                  nonce + 1,
                  z,
                  z,
                  100_000,
                  TOKEN,
                  z,
                  Abis.transfer(GRACE.address(), BigInteger.ONE)));
      JsonNode receipt = awaitReceipt(other);

      assertThat(ws.next(pending, WAIT).result().asText()).isEqualTo(transfer);
      assertThat(ws.next(pending, WAIT).result().asText()).isEqualTo(other);
      WsClient.Notification log = ws.next(toCarol, WAIT);
      assertThat(log.result().get("transactionHash").asText()).isEqualTo(transfer);
      assertThat(log.result().get("data").asText())
          .isEqualTo(Hex.encode(Abis.word(BigInteger.valueOf(77))));
      assertThat(log.result().get("removed").asBoolean()).isFalse();
      // the transfer to Grace herself matched neither filter
      assertThat(ws.next(toCarol, Duration.ofMillis(300))).isNull();
      assertThat(ws.notifications(anyOtherToken)).isEmpty();
      // a head for every block up to the receipt's, in order, with the header fields clients use
      long target = Long.decode(receipt.get("blockNumber").asText());
      long seen = -1;
      while (seen < target) {
        JsonNode head = ws.next(heads, WAIT).result();
        long n = Long.decode(head.get("number").asText());
        assertThat(n).isGreaterThan(seen);
        seen = n;
        assertThat(head.get("hash").asText()).hasSize(66);
        assertThat(head.has("parentHash") && head.has("stateRoot") && head.has("timestamp"))
            .isTrue();
      }
      JsonNode block =
          result(
              "eth_getBlockByNumber",
              Long.toHexString(target).isEmpty() ? "0x0" : "0x" + Long.toHexString(target),
              false);
      assertThat(block.get("hash").asText()).isNotBlank();

      // unsubscribing stops the pushes; an unknown id is an error
      assertThat(ws.call("eth_unsubscribe", heads).get("result").asBoolean()).isTrue();
      assertThat(ws.call("eth_unsubscribe", heads).get("error").get("message").asText())
          .isEqualTo("subscription not found");
      assertThat(ws.call("eth_subscribe", "syncing").get("error").get("code").asInt())
          .isEqualTo(-32602);
    }
  }
}
