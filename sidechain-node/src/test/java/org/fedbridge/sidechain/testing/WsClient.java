package org.fedbridge.sidechain.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A JSON-RPC WebSocket client on the JDK's {@link WebSocket}: requests by id, notifications in a
 * queue per subscription (with the time each arrived), and control over how fast it reads.
 */
public final class WsClient implements WebSocket.Listener, AutoCloseable {
  private static final ObjectMapper JSON = new ObjectMapper();
  // One client (one selector thread) for every connection: a bench opens hundreds.
  private static final HttpClient HTTP = HttpClient.newHttpClient();

  /** A notification and when it arrived ({@link System#nanoTime}). */
  public record Notification(JsonNode result, long nanos) {}

  private final Map<Integer, CompletableFuture<JsonNode>> answers = new ConcurrentHashMap<>();
  private final Map<String, BlockingQueue<Notification>> notifications = new ConcurrentHashMap<>();
  private final AtomicInteger ids = new AtomicInteger();
  private final StringBuilder partial = new StringBuilder();
  private final CompletableFuture<int[]> closed = new CompletableFuture<>();
  private volatile String closeReason;
  private volatile boolean paused;
  private WebSocket socket;

  private WsClient() {}

  /** Connects, reading everything the server sends (until {@link #pause}). */
  public static WsClient connect(String url) {
    WsClient c = new WsClient();
    c.socket =
        HTTP.newWebSocketBuilder()
            .connectTimeout(Duration.ofSeconds(10))
            .buildAsync(URI.create(url), c)
            .join();
    return c;
  }

  /** Calls a method and waits for its answer (the whole response object). */
  public JsonNode call(String method, Object... params) {
    int id = ids.incrementAndGet();
    CompletableFuture<JsonNode> answer = new CompletableFuture<>();
    answers.put(id, answer);
    sendText(
        write(Map.of("jsonrpc", "2.0", "id", id, "method", method, "params", List.of(params))));
    try {
      return answer.get(30, TimeUnit.SECONDS);
    } catch (Exception e) {
      throw new IllegalStateException(method + " got no answer", e);
    }
  }

  /** Subscribes; returns the subscription id. */
  public String subscribe(Object... params) {
    JsonNode r = call("eth_subscribe", params);
    if (!r.has("result")) {
      throw new IllegalStateException("eth_subscribe refused: " + r);
    }
    String id = r.get("result").asText();
    notifications.computeIfAbsent(id, k -> new LinkedBlockingQueue<>());
    return id;
  }

  public BlockingQueue<Notification> notifications(String subscription) {
    return notifications.computeIfAbsent(subscription, k -> new LinkedBlockingQueue<>());
  }

  /** The next notification of a subscription, or {@code null} after the timeout. */
  public Notification next(String subscription, Duration timeout) {
    try {
      return notifications(subscription).poll(timeout.toMillis(), TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return null;
    }
  }

  public void sendText(String text) {
    socket.sendText(text, true).join();
  }

  /** Stops reading: what the server sends piles up in the network buffers, then on the server. */
  public void pause() {
    paused = true;
  }

  /** Reads again. */
  public void resume() {
    paused = false;
    socket.request(1);
  }

  public boolean isClosed() {
    return closed.isDone();
  }

  /** The close code the server sent, once closed. */
  public int closeCode(Duration timeout) {
    try {
      return closed.get(timeout.toMillis(), TimeUnit.MILLISECONDS)[0];
    } catch (Exception e) {
      throw new IllegalStateException("not closed", e);
    }
  }

  public String closeReason() {
    return closeReason;
  }

  @Override
  public void onOpen(WebSocket webSocket) {
    webSocket.request(1);
  }

  @Override
  public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
    partial.append(data);
    if (last) {
      String text = partial.toString();
      partial.setLength(0);
      handle(text);
    }
    if (!paused) {
      webSocket.request(1);
    }
    return null;
  }

  private void handle(String text) {
    long now = System.nanoTime();
    try {
      JsonNode n = JSON.readTree(text);
      if (n.isObject() && n.has("id") && n.get("id").canConvertToInt()) {
        CompletableFuture<JsonNode> f = answers.remove(n.get("id").asInt());
        if (f != null) {
          f.complete(n);
        }
      } else if (n.isObject() && "eth_subscription".equals(n.path("method").asText())) {
        JsonNode p = n.get("params");
        notifications(p.get("subscription").asText()).add(new Notification(p.get("result"), now));
      }
    } catch (Exception e) {
      throw new IllegalStateException("not JSON: " + text, e);
    }
  }

  @Override
  public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
    closeReason = reason;
    closed.complete(new int[] {statusCode});
    return null;
  }

  @Override
  public void onError(WebSocket webSocket, Throwable error) {
    closed.complete(new int[] {-1});
  }

  private static String write(Object o) {
    try {
      return JSON.writeValueAsString(o);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  @Override
  public void close() {
    if (!closed.isDone()) {
      try {
        socket.sendClose(WebSocket.NORMAL_CLOSURE, "bye").get(5, TimeUnit.SECONDS);
      } catch (Exception e) {
        socket.abort();
      }
    }
  }
}
