package org.fedbridge.sidechain.rpc.ws;

import jakarta.websocket.Session;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import org.fedbridge.core.types.Bytes32;
import org.fedbridge.sidechain.admission.Admission;
import org.fedbridge.sidechain.rpc.JsonRpcDispatcher;
import org.fedbridge.sidechain.rpc.JsonViews;
import org.fedbridge.sidechain.rpc.subscriptions.ChainEvents;
import org.fedbridge.sidechain.rpc.subscriptions.NewBlock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.web.socket.CloseStatus;
import org.springframework.web.socket.TextMessage;
import org.springframework.web.socket.WebSocketSession;
import org.springframework.web.socket.adapter.NativeWebSocketSession;
import org.springframework.web.socket.handler.TextWebSocketHandler;

/**
 * Ethereum JSON-RPC over WebSocket: every method of the HTTP endpoint, plus {@code eth_subscribe}
 * for {@code newHeads}, {@code logs} (address and topic filters) and {@code
 * newPendingTransactions}. Connections are bounded in number, per remote address and in
 * subscriptions; a connection that does not read its messages fast enough is closed with 1008 ("too
 * slow"), and nobody else waits for it.
 */
public final class JsonRpcWebSocketHandler extends TextWebSocketHandler
    implements ChainEvents.Listener {
  private static final Logger LOG = LoggerFactory.getLogger(JsonRpcWebSocketHandler.class);
  private static final Duration SEND_TIMEOUT = Duration.ofSeconds(30);

  private final JsonRpcDispatcher dispatcher;
  private final Admission admission;
  private final Limits limits;
  private final Map<String, Connection> connections = new ConcurrentHashMap<>();
  private final Map<InetAddress, AtomicInteger> perClient = new ConcurrentHashMap<>();
  private final ExecutorService closer =
      Executors.newCachedThreadPool(
          r -> {
            Thread t = new Thread(r, "ws-close");
            t.setDaemon(true);
            return t;
          });

  public JsonRpcWebSocketHandler(JsonRpcDispatcher dispatcher, Admission admission, Limits limits) {
    this.dispatcher = dispatcher;
    this.admission = admission;
    this.limits = limits;
  }

  public int connectionCount() {
    return connections.size();
  }

  @Override
  public void afterConnectionEstablished(WebSocketSession session) {
    InetAddress client = clientOf(session);
    int fromClient = perClient.computeIfAbsent(client, c -> new AtomicInteger()).incrementAndGet();
    session.getAttributes().put("client", client);
    if (connections.size() >= limits.maxConnections()) {
      close(session, CloseStatus.SERVICE_OVERLOAD.withReason("too many connections"));
      return;
    }
    if (fromClient > limits.maxConnectionsPerClient()) {
      close(
          session,
          CloseStatus.SERVICE_OVERLOAD.withReason(
              "too many connections from this address (at most "
                  + limits.maxConnectionsPerClient()
                  + ")"));
      return;
    }
    session.setTextMessageSizeLimit(limits.maxMessageBytes());
    Session nativeSession = ((NativeWebSocketSession) session).getNativeSession(Session.class);
    var remote = nativeSession.getAsyncRemote();
    remote.setSendTimeout(SEND_TIMEOUT.toMillis());
    Outbox outbox =
        new Outbox(
            remote,
            limits.maxWaitingMessages(),
            why -> close(session, CloseStatus.POLICY_VIOLATION.withReason(why)));
    connections.put(session.getId(), new Connection(outbox, limits.maxSubscriptions()));
  }

  @Override
  protected void handleTextMessage(WebSocketSession session, TextMessage message) {
    Connection c = connections.get(session.getId());
    if (c == null) {
      return; // refused or closing
    }
    byte[] answer =
        dispatcher.handle(message.getPayload().getBytes(StandardCharsets.UTF_8), c.methods());
    if (answer != null) {
      c.outbox().offer(new String(answer, StandardCharsets.UTF_8));
    }
    c.activateAnnounced();
  }

  @Override
  public void afterConnectionClosed(WebSocketSession session, CloseStatus status) {
    connections.remove(session.getId());
    Object client = session.getAttributes().get("client");
    if (client instanceof InetAddress a) {
      perClient.computeIfPresent(a, (k, n) -> n.decrementAndGet() <= 0 ? null : n);
    }
  }

  @Override
  public void handleTransportError(WebSocketSession session, Throwable exception) {
    LOG.debug("WebSocket {} failed: {}", session.getId(), exception.toString());
  }

  @Override
  public boolean wantsBlocks() {
    return !connections.isEmpty();
  }

  @Override
  public boolean wantsPendingTransactions() {
    for (Connection c : connections.values()) {
      for (Subscription s : c.subscriptions()) {
        if (s.kind() == Subscription.Kind.NEW_PENDING_TRANSACTIONS) {
          return true;
        }
      }
    }
    return false;
  }

  @Override
  public void newBlock(NewBlock block) {
    for (Connection c : connections.values()) {
      for (Subscription s : c.subscriptions()) {
        if (s.kind() == Subscription.Kind.NEW_HEADS) {
          c.outbox().offer(s.notification(block.headerJson()));
        } else if (s.kind() == Subscription.Kind.LOGS) {
          for (NewBlock.Log log : block.logs()) {
            if (s.filter().matches(log.stored().log())) {
              c.outbox().offer(s.notification(log.json()));
            }
          }
        }
      }
    }
  }

  @Override
  public void newPendingTransaction(Bytes32 hash) {
    String hashJson = "\"" + hash.toHex() + "\"";
    for (Connection c : connections.values()) {
      for (Subscription s : c.subscriptions()) {
        if (s.kind() == Subscription.Kind.NEW_PENDING_TRANSACTIONS) {
          c.outbox().offer(s.notification(s.fullTransactions() ? fullTransaction(hash) : hashJson));
        }
      }
    }
  }

  private String fullTransaction(Bytes32 hash) {
    var tx = admission.pendingTransaction(hash);
    return tx == null ? "\"" + hash.toHex() + "\"" : JsonViews.pendingTransaction(tx).toString();
  }

  /** Closes on another thread: a close frame to a client that does not read may take a while. */
  private void close(WebSocketSession session, CloseStatus status) {
    connections.remove(session.getId());
    closer.execute(
        () -> {
          try {
            session.close(status);
          } catch (IOException | RuntimeException e) {
            LOG.debug("closing WebSocket {}: {}", session.getId(), e.toString());
          }
        });
  }

  private static InetAddress clientOf(WebSocketSession session) {
    InetSocketAddress a = session.getRemoteAddress();
    return a == null ? InetAddress.getLoopbackAddress() : a.getAddress();
  }

  /** Stops the close thread (the node is stopping). */
  public void shutdown() {
    closer.shutdownNow();
  }
}
