package org.fedbridge.validator.submit;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.fedbridge.core.message.Deposit;
import org.fedbridge.core.types.Hex;
import org.fedbridge.validator.consensus.CertificateContent;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The sidechain's {@code bridge_submitDepositCertificate} over JSON-RPC (sidechain-node/README.md).
 * Answers are values: the sidechain accepted the certificate (possibly as a duplicate no-op),
 * refused it, or did not answer (then the caller tries again).
 */
final class SidechainClient {

  sealed interface Answer {
    record Accepted(String hash, boolean duplicate) implements Answer {}

    /** A definitive refusal: submitting the same certificate again would not change it. */
    record Refused(String reason) implements Answer {}

    /** No answer (unreachable, timeout, HTTP error, log unavailable): try again later. */
    record NoAnswer(String reason) implements Answer {}
  }

  private final HttpClient http;
  private final URI endpoint;
  private final Duration timeout;
  private final JsonMapper json = JsonMapper.builder().build();

  SidechainClient(URI endpoint, Duration timeout) {
    this.endpoint = endpoint;
    this.timeout = timeout;
    this.http = HttpClient.newBuilder().connectTimeout(timeout).build();
  }

  Answer submitDeposits(CertificateContent c) {
    List<Map<String, String>> deposits =
        c.deposits().stream().map(SidechainClient::deposit).toList();
    Map<String, Object> certificate =
        Map.of(
            "epoch", Long.toString(c.key().epoch()),
            "batchId", c.key().batchId().value().toString(),
            "deposits", deposits,
            "signature", Hex.encode(c.signature().toCompressed()));
    Map<String, Object> request =
        Map.of(
            "jsonrpc",
            "2.0",
            "id",
            1,
            "method",
            "bridge_submitDepositCertificate",
            "params",
            List.of(certificate));
    HttpResponse<String> response;
    try {
      response =
          http.send(
              HttpRequest.newBuilder(endpoint)
                  .timeout(timeout)
                  .header("Content-Type", "application/json")
                  .POST(HttpRequest.BodyPublishers.ofString(json.writeValueAsString(request)))
                  .build(),
              HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      return new Answer.NoAnswer("sidechain unreachable: " + e.getClass().getSimpleName());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return new Answer.NoAnswer("interrupted");
    }
    if (response.statusCode() != 200) {
      return new Answer.NoAnswer("sidechain HTTP " + response.statusCode());
    }
    JsonNode body;
    try {
      body = json.readTree(response.body());
    } catch (RuntimeException e) {
      return new Answer.NoAnswer("sidechain answered something other than JSON");
    }
    JsonNode error = body.get("error");
    if (error != null && !error.isNull()) {
      String message = error.path("message").asString("");
      int code = error.path("code").asInt(0);
      // The log being unavailable or an internal error is no verdict on the certificate.
      if (code == -32603 || message.contains("unavailable")) {
        return new Answer.NoAnswer("sidechain: " + message);
      }
      return new Answer.Refused(code + " " + message);
    }
    JsonNode result = body.get("result");
    if (result == null || !result.isObject()) {
      return new Answer.NoAnswer("sidechain answered without a result");
    }
    return new Answer.Accepted(
        result.path("hash").asString(""), result.path("duplicate").asBoolean(false));
  }

  private static Map<String, String> deposit(Deposit d) {
    return Map.of(
        "nonce", d.nonce().value().toString(),
        "token", Hex.encode(d.token().bytes()),
        "sender", Hex.encode(d.sender().bytes()),
        "recipient", Hex.encode(d.recipient().bytes()),
        "amount", d.amount().value().toString());
  }
}
