package org.fedbridge.sidechain.rpc.ws;

import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.fedbridge.sidechain.rpc.JsonRpcError;
import org.fedbridge.sidechain.rpc.JsonRpcMethod;
import org.fedbridge.sidechain.rpc.Params;
import org.fedbridge.sidechain.rpc.RpcException;
import org.fedbridge.sidechain.rpc.RpcMethod;

/**
 * One WebSocket client: its outbox and its subscriptions, with the two methods only a connection
 * can answer ({@code eth_subscribe}, {@code eth_unsubscribe}).
 */
final class Connection {
  private static final SecureRandom RANDOM = new SecureRandom();

  private final Outbox outbox;
  private final int maxSubscriptions;
  private final Map<String, Subscription> active = new ConcurrentHashMap<>();
  private final List<Subscription> announced = new ArrayList<>();
  private final Map<RpcMethod, JsonRpcMethod> methods;

  Connection(Outbox outbox, int maxSubscriptions) {
    this.outbox = outbox;
    this.maxSubscriptions = maxSubscriptions;
    this.methods =
        Map.of(
            RpcMethod.ETH_SUBSCRIBE, new Method(RpcMethod.ETH_SUBSCRIBE, this::subscribe),
            RpcMethod.ETH_UNSUBSCRIBE, new Method(RpcMethod.ETH_UNSUBSCRIBE, this::unsubscribe));
  }

  Outbox outbox() {
    return outbox;
  }

  Map<RpcMethod, JsonRpcMethod> methods() {
    return methods;
  }

  Iterable<Subscription> subscriptions() {
    return active.values();
  }

  int subscriptionCount() {
    synchronized (announced) {
      return active.size() + announced.size();
    }
  }

  /** The answers that carry new subscription ids are queued: their notifications may start. */
  void activateAnnounced() {
    synchronized (announced) {
      announced.forEach(s -> active.put(s.id(), s));
      announced.clear();
    }
  }

  private Object subscribe(Params params) throws RpcException {
    params.expectAtMost(2);
    var type = params.required(0);
    Subscription.Kind kind = type.isTextual() ? Subscription.Kind.of(type.asText()) : null;
    if (kind == null) {
      throw RpcException.invalidParams(
          0, "unknown subscription type: use newHeads, logs or newPendingTransactions");
    }
    if (subscriptionCount() >= maxSubscriptions) {
      throw new RpcException(
          JsonRpcError.LIMIT_EXCEEDED,
          "too many subscriptions: at most " + maxSubscriptions + " per connection");
    }
    byte[] raw = new byte[16];
    RANDOM.nextBytes(raw);
    String id = "0x" + HexFormat.of().formatHex(raw);
    Subscription s =
        switch (kind) {
          case LOGS ->
              new Subscription(
                  id,
                  kind,
                  params.node(1) == null
                      ? Params.logFilter(
                          com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.objectNode(),
                          1)
                      : params.logFilter(1),
                  false);
          case NEW_PENDING_TRANSACTIONS -> new Subscription(id, kind, null, params.bool(1, false));
          case NEW_HEADS -> {
            params.expectAtMost(1);
            yield new Subscription(id, kind, null, false);
          }
        };
    synchronized (announced) {
      announced.add(s);
    }
    return id;
  }

  private Object unsubscribe(Params params) throws RpcException {
    params.expectAtMost(1);
    var id = params.required(0);
    if (!id.isTextual() || active.remove(id.asText()) == null) {
      throw new RpcException(JsonRpcError.NOT_FOUND, "subscription not found");
    }
    return true;
  }

  private interface Body {
    Object execute(Params params) throws RpcException;
  }

  private record Method(RpcMethod method, Body body) implements JsonRpcMethod {
    @Override
    public Object execute(Params params) throws RpcException {
      return body.execute(params);
    }
  }
}
