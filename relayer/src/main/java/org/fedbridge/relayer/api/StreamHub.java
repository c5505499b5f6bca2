package org.fedbridge.relayer.api;

import java.io.IOException;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Predicate;
import org.fedbridge.relayer.RelayerProperties;
import org.fedbridge.relayer.track.Kind;
import org.fedbridge.relayer.track.Stage;
import org.fedbridge.relayer.track.StageChanged;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.context.event.EventListener;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * Server-sent events of stage changes. Each change (read back from the database by the stage feed,
 * so every instance streams every change) is pushed on one sender thread (a slow client never holds
 * up a watcher), to every stream whose filter (one transfer, or one address) matches.
 */
@Component
class StreamHub implements DisposableBean {
  private final List<Subscription> subscriptions = new CopyOnWriteArrayList<>();
  private final ExecutorService sender =
      Executors.newSingleThreadExecutor(
          r -> {
            Thread t = new Thread(r, "sse-sender");
            t.setDaemon(true);
            return t;
          });
  private final long timeoutMillis;

  StreamHub(RelayerProperties properties) {
    this.timeoutMillis = properties.api().sseTimeout().toMillis();
  }

  /** The {@code stage} event's data. */
  record StageEvent(
      Kind kind,
      String nonce,
      String sender,
      String recipient,
      Stage stage,
      String detail,
      Instant until,
      Instant at) {}

  private record Subscription(Predicate<StageChanged> filter, SseEmitter emitter) {}

  SseEmitter subscribe(Predicate<StageChanged> filter) {
    SseEmitter emitter = new SseEmitter(timeoutMillis);
    Subscription s = new Subscription(filter, emitter);
    subscriptions.add(s);
    emitter.onCompletion(() -> subscriptions.remove(s));
    emitter.onTimeout(() -> subscriptions.remove(s));
    emitter.onError(e -> subscriptions.remove(s));
    return emitter;
  }

  int subscribers() {
    return subscriptions.size();
  }

  @EventListener
  void on(StageChanged e) {
    StageEvent data =
        new StageEvent(
            e.kind(),
            e.nonce().toString(),
            e.sender(),
            e.recipient(),
            e.stage(),
            e.detail(),
            e.until(),
            e.at());
    String id = e.kind() + "-" + e.nonce() + "-" + e.stage();
    sender.execute(
        () -> {
          for (Subscription s : subscriptions) {
            if (s.filter().test(e)) {
              send(s, SseEmitter.event().name("stage").id(id).data(data));
            }
          }
        });
  }

  /** A comment every 15 s keeps idle streams open through proxies. */
  @Scheduled(fixedRate = 15_000)
  void keepAlive() {
    sender.execute(() -> subscriptions.forEach(s -> send(s, SseEmitter.event().comment("ping"))));
  }

  private void send(Subscription s, SseEmitter.SseEventBuilder event) {
    try {
      s.emitter().send(event);
    } catch (IOException | IllegalStateException gone) {
      subscriptions.remove(s);
      s.emitter().completeWithError(gone);
    }
  }

  @Override
  public void destroy() {
    subscriptions.forEach(s -> s.emitter().complete());
    sender.shutdownNow();
  }
}
