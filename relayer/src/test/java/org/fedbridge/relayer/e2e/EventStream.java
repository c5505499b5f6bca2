package org.fedbridge.relayer.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Stream;

/** A server-sent-events client that collects every event it reads, for assertions. */
final class EventStream implements AutoCloseable {
  record Event(String name, JsonNode data) {}

  private final List<Event> events = new CopyOnWriteArrayList<>();
  private final CompletableFuture<HttpResponse<Stream<String>>> response;
  private volatile int status;

  EventStream(String url) {
    response =
        Http.CLIENT.sendAsync(
            HttpRequest.newBuilder(URI.create(url)).header("Accept", "text/event-stream").build(),
            HttpResponse.BodyHandlers.ofLines());
    response.thenAccept(
        r -> {
          status = r.statusCode();
          String name = "message";
          StringBuilder data = new StringBuilder();
          var lines = r.body().iterator();
          try {
            while (lines.hasNext()) {
              String line = lines.next();
              if (line.startsWith("event:")) {
                name = line.substring(6).trim();
              } else if (line.startsWith("data:")) {
                data.append(line.substring(5).trim());
              } else if (line.isEmpty() && data.length() > 0) {
                events.add(new Event(name, Http.JSON.readTree(data.toString())));
                name = "message";
                data.setLength(0);
              }
            }
          } catch (IOException | RuntimeException closed) {
            // the stream ended
          }
        });
  }

  List<Event> events() {
    return List.copyOf(events);
  }

  /** The stages of {@code stage} events, in arrival order. */
  List<String> stages() {
    return events.stream()
        .filter(e -> e.name().equals("stage"))
        .map(e -> e.data().get("stage").asText())
        .toList();
  }

  int status() {
    return status;
  }

  @Override
  public void close() {
    response.cancel(true);
    response.thenAccept(r -> r.body().close());
  }
}
