package org.fedbridge.admin.chain;

import java.io.IOException;
import java.math.BigInteger;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.fedbridge.admin.AdminProperties;
import org.fedbridge.core.types.Bytes32;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;
import org.web3j.protocol.Web3j;
import org.web3j.protocol.http.HttpService;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The operator's own sidechain replica over JSON-RPC: the Ethereum methods through web3j, the
 * {@code bridge_*} methods directly. Failures are {@link ChainException}s.
 */
@Component
public class Sidechain {
  /** The bridge system address that mints and burns. */
  public static final String BRIDGE = "0x000000000000000000000000000000000000b1d6";

  private static final JsonMapper JSON = JsonMapper.builder().build();
  private final String url;
  private final Web3j web3j;
  private final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  @Autowired
  Sidechain(AdminProperties properties) {
    this(properties.sidechain().rpcUrl());
  }

  public Sidechain(String url) {
    this.url = url;
    this.web3j = Web3j.build(new HttpService(url));
  }

  public Web3j web3j() {
    return web3j;
  }

  public long blockNumber() {
    try {
      return web3j.ethBlockNumber().send().getBlockNumber().longValueExact();
    } catch (IOException | RuntimeException e) {
      throw new ChainException("sidechain unreachable: " + e.getMessage(), e);
    }
  }

  /** A block's withdrawal root and count, empty if the replica does not have that block. */
  public Optional<WithdrawalRoot> withdrawalRoot(long block) {
    JsonNode result = call("bridge_getWithdrawalRoot", "0x" + Long.toHexString(block));
    if (result == null || result.isNull()) {
      return Optional.empty();
    }
    return Optional.of(
        new WithdrawalRoot(
            block,
            Bytes32.fromHex(result.path("withdrawalRoot").asText()),
            number(result.path("withdrawalCount"))));
  }

  /**
   * Submits a {@code TOKEN_CONFIG} certificate record (as published on {@code bridge.certificates})
   * with, for a token the sidechain does not have yet, the console's signed governance record of
   * that config ({@code bridge_submitTokenConfig}); the answer is {@code {hash, duplicate}}. A
   * refusal is a {@link ChainException} with the node's reason.
   *
   * @param governanceRecord the record's bytes, or null to send the certificate alone
   */
  public JsonNode submitTokenConfig(byte[] certificate, byte[] governanceRecord) {
    java.util.Map<String, String> params = new java.util.LinkedHashMap<>();
    params.put("certificate", org.fedbridge.core.types.Hex.encode(certificate));
    if (governanceRecord != null) {
      params.put("governanceRecord", org.fedbridge.core.types.Hex.encode(governanceRecord));
    }
    return call("bridge_submitTokenConfig", params);
  }

  /** A sidechain block's withdrawal commitment. */
  public record WithdrawalRoot(long block, Bytes32 root, long count) {}

  /** Calls a {@code bridge_*} method; null result when the method answers null. */
  public JsonNode call(String method, Object... params) {
    ObjectNode request = JSON.createObjectNode();
    request.put("jsonrpc", "2.0").put("id", 1).put("method", method);
    var array = request.putArray("params");
    for (Object p : params) {
      array.addPOJO(p);
    }
    HttpResponse<String> response;
    try {
      response =
          http.send(
              HttpRequest.newBuilder(URI.create(url))
                  .timeout(Duration.ofSeconds(10))
                  .header("Content-Type", "application/json")
                  .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(request)))
                  .build(),
              HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new ChainException("sidechain unreachable: " + e.getMessage(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new ChainException("interrupted");
    }
    JsonNode body = JSON.readTree(response.body());
    if (body.has("error")) {
      String message = body.path("error").path("message").asText();
      if (message.contains("not found") || message.contains("unknown block")) {
        return null;
      }
      throw new ChainException(method + " failed: " + message);
    }
    return body.get("result");
  }

  static long number(JsonNode n) {
    String s = n.asText();
    return s.startsWith("0x")
        ? new BigInteger(s.substring(2), 16).longValueExact()
        : Long.parseLong(s);
  }

  /** For tests and callers that need the raw list form. */
  static List<String> hexes(JsonNode n) {
    return n.valueStream().map(JsonNode::asText).toList();
  }
}
