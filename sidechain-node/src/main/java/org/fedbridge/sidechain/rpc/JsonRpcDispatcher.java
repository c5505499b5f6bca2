package org.fedbridge.sidechain.rpc;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * JSON-RPC 2.0 over a byte body: single requests, batches (answered in order, notifications
 * skipped), and every failure as a JSON-RPC error object, never an exception. Each request's
 * envelope is checked once ({@link Envelope#parse}); deferred methods start first and are awaited
 * together, at most {@code appendTimeout} each.
 */
public final class JsonRpcDispatcher {
  private static final Logger LOG = LoggerFactory.getLogger(JsonRpcDispatcher.class);
  public static final int MAX_BATCH = 1000;

  private static final ObjectMapper JSON =
      new ObjectMapper().enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
  private static final JsonNodeFactory F = JsonNodeFactory.instance;

  private final Map<RpcMethod, JsonRpcMethod> methods = new EnumMap<>(RpcMethod.class);
  private final Duration appendTimeout;

  /**
   * @param appendTimeout how long a request waits for the log to acknowledge what it appended
   */
  public JsonRpcDispatcher(List<JsonRpcMethod> methods, Duration appendTimeout) {
    for (JsonRpcMethod m : methods) {
      if (this.methods.put(m.method(), m) != null) {
        throw new IllegalArgumentException("two implementations of " + m.method());
      }
    }
    this.appendTimeout = appendTimeout;
  }

  public Set<String> methodNames() {
    Set<String> names = new TreeSet<>();
    methods.keySet().forEach(m -> names.add(m.methodName()));
    return names;
  }

  /** The response body, or {@code null} when nothing is to be answered (only notifications). */
  public byte[] handle(byte[] body) {
    return handle(body, Map.of());
  }

  /**
   * The same, with methods of one connection (a WebSocket's {@code eth_subscribe}) that take
   * precedence over the node's.
   */
  public byte[] handle(byte[] body, Map<RpcMethod, JsonRpcMethod> connectionMethods) {
    JsonNode request;
    try {
      request = JSON.readTree(body);
    } catch (IOException e) {
      request = null;
    }
    if (request == null || request.isMissingNode()) {
      return write(error(F.nullNode(), JsonRpcError.PARSE_ERROR, "parse error", null));
    }
    if (!request.isArray()) {
      ObjectNode answer = start(request, connectionMethods).finish(appendTimeout);
      return answer == null ? null : write(answer);
    }
    if (request.isEmpty()) {
      return write(error(F.nullNode(), JsonRpcError.INVALID_REQUEST, "empty batch", null));
    }
    if (request.size() > MAX_BATCH) {
      return write(
          error(
              F.nullNode(),
              JsonRpcError.LIMIT_EXCEEDED,
              "batch too large: at most " + MAX_BATCH + " requests",
              null));
    }
    // Start every request first, then wait for the deferred ones (transactions on their way to
    // the log): appends keep the batch's order and their acknowledgements overlap.
    List<Pending> started = new ArrayList<>(request.size());
    for (JsonNode r : request) {
      started.add(start(r, connectionMethods));
    }
    ArrayNode out = F.arrayNode();
    for (Pending p : started) {
      ObjectNode answer = p.finish(appendTimeout);
      if (answer != null) {
        out.add(answer);
      }
    }
    return out.isEmpty() ? null : write(out);
  }

  /** A request whose envelope is well-formed. */
  private record Envelope(JsonNode id, boolean notification, String method, Params params) {
    /** The envelope, or the error answer for a malformed one. */
    static Object parse(JsonNode r) {
      if (!r.isObject()) {
        return error(F.nullNode(), JsonRpcError.INVALID_REQUEST, "invalid request", null);
      }
      JsonNode id = r.get("id");
      if (id != null && !(id.isTextual() || id.isNumber() || id.isNull())) {
        return error(F.nullNode(), JsonRpcError.INVALID_REQUEST, "invalid request", null);
      }
      JsonNode idOut = id == null ? F.nullNode() : id;
      JsonNode version = r.get("jsonrpc");
      JsonNode method = r.get("method");
      if (version == null
          || !"2.0".equals(version.asText())
          || method == null
          || !method.isTextual()) {
        return error(idOut, JsonRpcError.INVALID_REQUEST, "invalid request", null);
      }
      JsonNode params = r.get("params");
      if (params != null && !params.isNull() && !params.isArray()) {
        return error(
            idOut, JsonRpcError.INVALID_PARAMS, "invalid argument: params must be an array", null);
      }
      return new Envelope(idOut, id == null, method.asText(), new Params(params));
    }
  }

  /** An answer, possibly still waiting for a deferred result. */
  private record Pending(
      ObjectNode answer, CompletableFuture<Object> deferred, JsonNode id, boolean notification) {

    static Pending answered(ObjectNode answer, boolean notification) {
      return new Pending(answer, null, null, notification);
    }

    ObjectNode finish(Duration timeout) {
      if (notification) {
        return null;
      }
      if (deferred == null) {
        return answer;
      }
      try {
        return result(id, deferred.get(timeout.toMillis(), TimeUnit.MILLISECONDS));
      } catch (ExecutionException e) {
        return e.getCause() instanceof RpcException rpc
            ? error(id, rpc.error(), rpc.getMessage(), rpc.data())
            : error(id, JsonRpcError.UNAVAILABLE, JsonRpcError.UNAVAILABLE.message(), null);
      } catch (TimeoutException e) {
        return error(id, JsonRpcError.UNAVAILABLE, JsonRpcError.UNAVAILABLE.message(), null);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return error(id, JsonRpcError.INTERNAL_ERROR, "internal error", null);
      }
    }
  }

  private Pending start(JsonNode r, Map<RpcMethod, JsonRpcMethod> connectionMethods) {
    Object parsed = Envelope.parse(r);
    if (parsed instanceof ObjectNode malformed) {
      return Pending.answered(malformed, false);
    }
    Envelope e = (Envelope) parsed;
    JsonRpcMethod m =
        RpcMethod.byName(e.method())
            .map(name -> connectionMethods.getOrDefault(name, methods.get(name)))
            .orElse(null);
    if (m == null) {
      String name = e.method().length() > 64 ? e.method().substring(0, 64) + "…" : e.method();
      return Pending.answered(
          error(
              e.id(),
              JsonRpcError.METHOD_NOT_FOUND,
              "the method " + name + " does not exist/is not available",
              null),
          e.notification());
    }
    try {
      if (m instanceof DeferredJsonRpcMethod deferred) {
        return new Pending(null, deferred.start(e.params()), e.id(), e.notification());
      }
      return Pending.answered(result(e.id(), m.execute(e.params())), e.notification());
    } catch (RpcException x) {
      return Pending.answered(error(e.id(), x.error(), x.getMessage(), x.data()), e.notification());
    } catch (RuntimeException x) {
      // SECURITY: never a 5xx or a stack trace to the caller; the operator sees it in the log.
      LOG.error("JSON-RPC {} failed", e.method(), x);
      return Pending.answered(
          error(e.id(), JsonRpcError.INTERNAL_ERROR, "internal error", null), e.notification());
    }
  }

  private static ObjectNode result(JsonNode id, Object result) {
    ObjectNode out = F.objectNode();
    out.put("jsonrpc", "2.0");
    out.set("id", id);
    out.set("result", JSON.valueToTree(result));
    return out;
  }

  private static ObjectNode error(JsonNode id, JsonRpcError e, String message, Object data) {
    ObjectNode out = F.objectNode();
    out.put("jsonrpc", "2.0");
    out.set("id", id);
    ObjectNode err = out.putObject("error");
    err.put("code", e.code());
    err.put("message", message);
    if (data != null) {
      err.set("data", JSON.valueToTree(data));
    }
    return out;
  }

  private static byte[] write(JsonNode n) {
    try {
      return JSON.writeValueAsBytes(n);
    } catch (JsonProcessingException e) {
      return ("{\"jsonrpc\":\"2.0\",\"id\":null,\"error\":{\"code\":-32603,"
              + "\"message\":\"internal error\"}}")
          .getBytes(StandardCharsets.UTF_8);
    }
  }
}
