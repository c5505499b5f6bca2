package org.fedbridge.devnet;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** The few HTTP calls the devnet makes: health probes and JSON-RPC. */
final class Http {
  static final ObjectMapper JSON = new ObjectMapper();
  private static final HttpClient CLIENT =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

  private Http() {}

  /** True when {@code GET url} answers 200. */
  static boolean ok(String url) {
    try {
      HttpRequest request =
          HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(3)).build();
      return CLIENT.send(request, HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
    } catch (IOException e) {
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  /** {@code GET url} as JSON (a missing node when it does not answer 200). */
  static JsonNode getJson(String url) {
    try {
      HttpRequest request =
          HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(5)).build();
      HttpResponse<String> r = CLIENT.send(request, HttpResponse.BodyHandlers.ofString());
      return r.statusCode() == 200 ? JSON.readTree(r.body()) : JSON.missingNode();
    } catch (IOException e) {
      return JSON.missingNode();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return JSON.missingNode();
    }
  }

  /** Calls a JSON-RPC method and returns its result, failing on a JSON-RPC error. */
  static JsonNode rpc(String url, String method, Object... params) {
    ObjectNode body = JSON.createObjectNode();
    body.put("jsonrpc", "2.0");
    body.put("id", 1);
    body.put("method", method);
    ArrayNode array = body.putArray("params");
    for (Object param : params) {
      array.add(JSON.valueToTree(param));
    }
    try {
      HttpRequest request =
          HttpRequest.newBuilder(URI.create(url))
              .timeout(Duration.ofSeconds(10))
              .header("Content-Type", "application/json")
              .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)))
              .build();
      JsonNode response =
          JSON.readTree(CLIENT.send(request, HttpResponse.BodyHandlers.ofString()).body());
      if (response.has("error")) {
        throw new DevnetException(method + " failed at " + url + ": " + response.get("error"));
      }
      return response.get("result");
    } catch (IOException e) {
      throw new DevnetException(method + " failed at " + url + ": " + e.getMessage(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new DevnetException("interrupted during " + method, e);
    }
  }
}
