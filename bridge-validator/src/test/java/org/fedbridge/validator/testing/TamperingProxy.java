package org.fedbridge.validator.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.function.UnaryOperator;

/**
 * A hostile replica: forwards JSON-RPC to a real sidechain node and rewrites the result of one
 * method on the way back. A real replica never lies, so this is how a test shows what a lie does.
 */
public final class TamperingProxy implements AutoCloseable {
  private static final ObjectMapper JSON = new ObjectMapper();

  private final HttpServer server;
  private volatile UnaryOperator<JsonNode> tamper = UnaryOperator.identity();

  public TamperingProxy(String upstream, String method) throws IOException {
    HttpClient client = HttpClient.newHttpClient();
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext(
        "/",
        exchange -> {
          byte[] body;
          try (InputStream in = exchange.getRequestBody()) {
            body = in.readAllBytes();
          }
          byte[] answer;
          try {
            HttpResponse<byte[]> r =
                client.send(
                    HttpRequest.newBuilder(URI.create(upstream))
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                        .build(),
                    HttpResponse.BodyHandlers.ofByteArray());
            answer = r.body();
            JsonNode request = JSON.readTree(body);
            if (request.isObject() && method.equals(request.path("method").asText())) {
              ObjectNode response = (ObjectNode) JSON.readTree(answer);
              if (response.has("result")) {
                response.set("result", tamper.apply(response.get("result").deepCopy()));
              }
              answer = JSON.writeValueAsBytes(response);
            }
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            exchange.sendResponseHeaders(502, -1);
            return;
          }
          exchange.getResponseHeaders().add("Content-Type", "application/json");
          exchange.sendResponseHeaders(200, answer.length);
          try (OutputStream out = exchange.getResponseBody()) {
            out.write(answer);
          }
        });
    server.start();
  }

  /** How the proxied method's result is rewritten from now on. */
  public void tamper(UnaryOperator<JsonNode> rewrite) {
    this.tamper = rewrite;
  }

  public String url() {
    return "http://127.0.0.1:" + server.getAddress().getPort();
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
