package org.fedbridge.sidechain.rpc;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigInteger;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.common.TopicPartition;
import org.fedbridge.core.types.Hex;
import org.fedbridge.sidechain.testing.ReplicaHarness;
import org.fedbridge.sidechain.testing.TestAccounts;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Value;

/** The HTTP edge: whatever arrives, the answer is a JSON-RPC response, never a 5xx. */
class JsonRpcHttpTest extends RunningNodeTest {
  @Value("${bridge.sidechain.topics.txs}")
  String topic;

  private long logEnd() throws Exception {
    try (Admin admin = Admin.create(ReplicaHarness.kafka())) {
      TopicPartition tp = new TopicPartition(topic, 0);
      return admin
          .listOffsets(Map.of(tp, OffsetSpec.latest()))
          .all()
          .get(10, TimeUnit.SECONDS)
          .get(tp)
          .offset();
    }
  }

  @Test
  void anyBodyAndContentTypeGetsAJsonRpcAnswerWithStatus200() throws Exception {
    List<String> bodies =
        List.of(
            "",
            "null",
            "42",
            "\"x\"",
            "{",
            "[",
            "[1,2]",
            "{\"jsonrpc\":\"2.0\"}",
            "\u0000\u0001",
            "a=b&c=d");
    for (String contentType :
        new String[] {
          "application/json", "text/plain", "application/x-www-form-urlencoded", null
        }) {
      for (String body : bodies) {
        HttpResponse<String> r = post(body, contentType);
        assertThat(r.statusCode()).as("%s %s", contentType, body).isEqualTo(200);
        JsonNode answer = JSON.readTree(r.body());
        assertThat(answer.findValue("error")).as(body).isNotNull();
      }
    }
  }

  @Test
  void oversizedBatchIsRefusedAsAWhole() throws Exception {
    String one = "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"eth_chainId\"}";
    String batch = "[" + String.join(",", java.util.Collections.nCopies(1001, one)) + "]";
    HttpResponse<String> r = post(batch, "application/json");
    assertThat(r.statusCode()).isEqualTo(200);
    assertThat(JSON.readTree(r.body()).get("error").get("code").asInt()).isEqualTo(-32005);
  }

  @Test
  void otherHttpMethodsAreClientErrorsNotServerErrors() throws Exception {
    HttpResponse<String> r =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(URI.create(url())).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    assertThat(r.statusCode()).isBetween(400, 499);
  }

  @Test
  void aReplayedTransactionGetsGethsNonceTooLow() throws Exception {
    TestAccounts.Account sender = TestAccounts.derived("sample", 1);
    long nonce =
        Long.decode(
            result("eth_getTransactionCount", sender.address().toHex(), "pending").asText());
    byte[] raw =
        TestAccounts.transfer(
            sender, CHAIN, nonce, TestAccounts.derived("http-x", 0).address(), BigInteger.ONE);
    awaitReceipt(result("eth_sendRawTransaction", Hex.encode(raw)).asText());
    JsonNode again = call("eth_sendRawTransaction", Hex.encode(raw));
    assertThat(again.get("error").get("code").asInt()).isEqualTo(-32000);
    assertThat(again.get("error").get("message").asText())
        .isEqualTo(
            "nonce too low: address "
                + sender.address()
                + ", tx: "
                + nonce
                + " state: "
                + (nonce + 1));
  }

  @Test
  void refusedTransactionsNeverReachTheLog() throws Exception {
    TestAccounts.Account poor = TestAccounts.derived("http-poor", 0);
    TestAccounts.Account rich = TestAccounts.derived("sample", 2);
    long before = logEnd();
    byte[] good = TestAccounts.transfer(rich, CHAIN, 0, poor.address(), BigInteger.ONE);
    byte[] tampered = good.clone();
    tampered[tampered.length - 40] ^= 0x10;
    for (byte[] raw :
        List.of(
            TestAccounts.transfer(poor, CHAIN, 0, rich.address(), BigInteger.ONE),
            TestAccounts.transfer(rich, CHAIN + 1, 0, poor.address(), BigInteger.ONE),
            TestAccounts.transfer(rich, CHAIN, 99, poor.address(), BigInteger.ONE),
            tampered,
            new byte[] {(byte) 0xc0},
            new byte[] {0x03, (byte) 0xc0})) {
      JsonNode r = call("eth_sendRawTransaction", Hex.encode(raw));
      assertThat(r.has("error")).as(Hex.encode(raw)).isTrue();
    }
    assertThat(logEnd()).isEqualTo(before);
  }
}
