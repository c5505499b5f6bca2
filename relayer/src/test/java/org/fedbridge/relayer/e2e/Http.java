package org.fedbridge.relayer.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** Plain HTTP and JSON-RPC for tests, independent of the relayer's own clients. */
final class Http {
  static final ObjectMapper JSON = new ObjectMapper();
  static final HttpClient CLIENT =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  private Http() {}

  /** A response: status, headers' Retry-After and Content-Type, body as JSON (or null). */
  record Answer(int status, String contentType, String retryAfter, String body) {
    JsonNode json() {
      try {
        return JSON.readTree(body);
      } catch (IOException e) {
        throw new UncheckedIOException("not JSON: " + body, e);
      }
    }
  }

  static Answer get(String url) {
    return get(url, null);
  }

  static Answer get(String url, String forwardedFor) {
    HttpRequest.Builder b =
        HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30)).GET();
    if (forwardedFor != null) {
      b.header("X-Forwarded-For", forwardedFor);
    }
    try {
      HttpResponse<String> r = CLIENT.send(b.build(), HttpResponse.BodyHandlers.ofString());
      return new Answer(
          r.statusCode(),
          r.headers().firstValue("Content-Type").orElse(""),
          r.headers().firstValue("Retry-After").orElse(null),
          r.body());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** A JSON-RPC call; throws on a JSON-RPC error. */
  static JsonNode rpc(String url, String method, Object... params) {
    JsonNode response = rpcResponse(url, method, params);
    if (response.has("error")) {
      throw new IllegalStateException(method + ": " + response.get("error"));
    }
    return response.get("result");
  }

  /** One JSON-RPC batch: {@code method} once per single parameter; the results in order. */
  static java.util.List<String> rpcBatch(String url, String method, java.util.List<String> params) {
    ArrayNode batch = JSON.createArrayNode();
    for (int i = 0; i < params.size(); i++) {
      ObjectNode r = batch.addObject().put("jsonrpc", "2.0").put("id", i).put("method", method);
      r.putArray("params").add(params.get(i));
    }
    try {
      HttpResponse<String> r =
          CLIENT.send(
              HttpRequest.newBuilder(URI.create(url))
                  .timeout(Duration.ofSeconds(60))
                  .header("Content-Type", "application/json")
                  .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(batch)))
                  .build(),
              HttpResponse.BodyHandlers.ofString());
      JsonNode answers = JSON.readTree(r.body());
      String[] out = new String[params.size()];
      for (JsonNode a : answers) {
        if (a.has("error")) {
          throw new IllegalStateException(method + ": " + a.get("error"));
        }
        out[a.get("id").asInt()] = a.get("result").asText();
      }
      return java.util.List.of(out);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  static JsonNode rpcResponse(String url, String method, Object... params) {
    ObjectNode request = JSON.createObjectNode().put("jsonrpc", "2.0").put("id", 1);
    request.put("method", method);
    ArrayNode array = request.putArray("params");
    for (Object p : params) {
      array.add(JSON.valueToTree(p));
    }
    try {
      HttpResponse<String> r =
          CLIENT.send(
              HttpRequest.newBuilder(URI.create(url))
                  .timeout(Duration.ofSeconds(30))
                  .header("Content-Type", "application/json")
                  .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(request)))
                  .build(),
              HttpResponse.BodyHandlers.ofString());
      return JSON.readTree(r.body());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
