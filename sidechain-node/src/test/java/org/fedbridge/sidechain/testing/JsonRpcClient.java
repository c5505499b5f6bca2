package org.fedbridge.sidechain.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigInteger;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.fedbridge.core.types.Address;
import org.fedbridge.core.types.Hex;
import org.fedbridge.sidechain.ledger.DepositCertificate;

/** A plain JSON-RPC client over HTTP for tests of a running node. */
public final class JsonRpcClient {
  public static final ObjectMapper JSON = new ObjectMapper();
  private static final HttpClient HTTP = HttpClient.newHttpClient();

  private final String url;

  public JsonRpcClient(String url) {
    this.url = url;
  }

  public String url() {
    return url;
  }

  /** Posts a body; returns status and body. */
  public HttpResponse<String> post(String body, String contentType) throws Exception {
    HttpRequest.Builder b =
        HttpRequest.newBuilder(URI.create(url)).POST(HttpRequest.BodyPublishers.ofString(body));
    if (contentType != null) {
      b.header("Content-Type", contentType);
    }
    return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
  }

  /** Calls one method; returns the whole response object. */
  public JsonNode call(String method, Object... params) throws Exception {
    String body =
        JSON.writeValueAsString(
            Map.of("jsonrpc", "2.0", "id", 1, "method", method, "params", List.of(params)));
    HttpResponse<String> r = post(body, "application/json");
    assertThat(r.statusCode()).isEqualTo(200);
    return JSON.readTree(r.body());
  }

  /** Calls one method that must answer a result. */
  public JsonNode result(String method, Object... params) throws Exception {
    JsonNode r = call(method, params);
    assertThat(r.has("error")).as("%s answered %s", method, r).isFalse();
    return r.get("result");
  }

  public JsonNode awaitReceipt(String hash) {
    JsonNode[] receipt = new JsonNode[1];
    await()
        .atMost(Duration.ofSeconds(20))
        .pollInterval(Duration.ofMillis(20))
        .until(
            () -> {
              receipt[0] = result("eth_getTransactionReceipt", hash);
              return receipt[0] != null && !receipt[0].isNull();
            });
    return receipt[0];
  }

  public BigInteger balance(Address a) throws Exception {
    return quantity(result("eth_getBalance", a.toHex(), "latest"));
  }

  public long nonce(Address a) throws Exception {
    return quantity(result("eth_getTransactionCount", a.toHex(), "pending")).longValueExact();
  }

  public static BigInteger quantity(JsonNode hex) {
    return new BigInteger(hex.asText().substring(2), 16);
  }

  /** Submits a certificate and waits for its receipt. */
  public JsonNode mint(DepositCertificate c) throws Exception {
    JsonNode r = result("bridge_submitDepositCertificate", certificateJson(c));
    return awaitReceipt(r.get("hash").asText());
  }

  public static Map<String, Object> certificateJson(DepositCertificate c) {
    List<Map<String, Object>> ds =
        c.deposits().stream()
            .map(
                d ->
                    Map.<String, Object>of(
                        "nonce", d.nonce().toString(),
                        "token", d.token().toHex(),
                        "sender", d.sender().toHex(),
                        "recipient", d.recipient().toHex(),
                        "amount", d.amount().toString()))
            .toList();
    return Map.of(
        "epoch", Long.toString(c.epoch()),
        "batchId", c.batchId().toString(),
        "deposits", ds,
        "signature", Hex.encode(c.signature().toCompressed()));
  }
}
