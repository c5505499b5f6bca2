package org.fedbridge.sidechain.rpc;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * JSON-RPC 2.0 over a byte body: single requests, batches (answered in order, notifications
 * skipped), and every failure as a JSON-RPC error object, never an exception.
 */
public final class JsonRpcDispatcher {
  private static final Logger LOG = LoggerFactory.getLogger(JsonRpcDispatcher.class);
  public static final int MAX_BATCH = 1000;

  private static final ObjectMapper JSON =
      new ObjectMapper().enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
  private static final JsonNodeFactory F = JsonNodeFactory.instance;

  private final Map<String, JsonRpcMethod> methods = new HashMap<>();

  public JsonRpcDispatcher(List<JsonRpcMethod> methods) {
    for (JsonRpcMethod m : methods) {
      if (this.methods.put(m.name(), m) != null) {
        throw new IllegalArgumentException("two implementations of " + m.name());
      }
    }
  }

  public java.util.Set<String> methodNames() {
    return methods.keySet();
  }

  /** The response body, or {@code null} when nothing is to be answered (only notifications). */
  public byte[] handle(byte[] body) {
    JsonNode request;
    try {
      request = JSON.readTree(body);
    } catch (IOException e) {
      return write(error(F.nullNode(), JsonRpcError.PARSE_ERROR, "parse error", null));
    }
    if (request == null || request.isMissingNode()) {
      return write(error(F.nullNode(), JsonRpcError.PARSE_ERROR, "parse error", null));
    }
    if (request.isArray()) {
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
      // Run every request first, then wait for the deferred ones (transactions on their way to
      // the log): appends keep the batch's order and their acknowledgements overlap.
      List<Pending> answers = new java.util.ArrayList<>(request.size());
      for (JsonNode r : request) {
        answers.add(start(r));
      }
      ArrayNode out = F.arrayNode();
      for (Pending p : answers) {
        ObjectNode answer = p.finish();
        if (answer != null) {
          out.add(answer);
        }
      }
      return out.isEmpty() ? null : write(out);
    }
    ObjectNode answer = start(request).finish();
    return answer == null ? null : write(answer);
  }

  /** An answer, possibly still waiting for a deferred result. */
  private record Pending(
      ObjectNode answer,
      java.util.concurrent.CompletableFuture<?> deferred,
      JsonNode id,
      boolean notification) {
    ObjectNode finish() {
      if (deferred == null) {
        return answer;
      }
      ObjectNode out;
      try {
        Object result = deferred.get(15, java.util.concurrent.TimeUnit.SECONDS);
        out = F.objectNode();
        out.put("jsonrpc", "2.0");
        out.set("id", id);
        out.set("result", JSON.valueToTree(result));
      } catch (java.util.concurrent.ExecutionException e) {
        out =
            e.getCause() instanceof RpcException rpc
                ? error(id, rpc.error(), rpc.getMessage(), rpc.data())
                : error(id, JsonRpcError.UNAVAILABLE, JsonRpcError.UNAVAILABLE.message(), null);
      } catch (java.util.concurrent.TimeoutException e) {
        out = error(id, JsonRpcError.UNAVAILABLE, JsonRpcError.UNAVAILABLE.message(), null);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        out = error(id, JsonRpcError.INTERNAL_ERROR, "internal error", null);
      }
      return notification ? null : out;
    }
  }

  private Pending start(JsonNode r) {
    if (r.isObject()) {
      JsonRpcMethod m = r.get("method") == null ? null : methods.get(r.get("method").asText());
      if (m instanceof DeferredJsonRpcMethod deferred && valid(r)) {
        JsonNode id = r.get("id") == null ? F.nullNode() : r.get("id");
        try {
          return new Pending(
              null, deferred.start(new Params(r.get("params"))), id, r.get("id") == null);
        } catch (RpcException e) {
          return new Pending(
              r.get("id") == null ? null : error(id, e.error(), e.getMessage(), e.data()),
              null,
              id,
              false);
        } catch (RuntimeException e) {
          LOG.error("JSON-RPC {} failed", m.name(), e);
          return new Pending(
              error(id, JsonRpcError.INTERNAL_ERROR, "internal error", null), null, id, false);
        }
      }
    }
    return new Pending(one(r), null, null, false);
  }

  /** A well-formed request whose params are absent or an array. */
  private static boolean valid(JsonNode r) {
    JsonNode id = r.get("id");
    JsonNode version = r.get("jsonrpc");
    JsonNode params = r.get("params");
    return (id == null || id.isTextual() || id.isNumber() || id.isNull())
        && version != null
        && "2.0".equals(version.asText())
        && r.get("method").isTextual()
        && (params == null || params.isNull() || params.isArray());
  }

  private ObjectNode one(JsonNode r) {
    if (!r.isObject()) {
      return error(F.nullNode(), JsonRpcError.INVALID_REQUEST, "invalid request", null);
    }
    JsonNode id = r.get("id");
    boolean notification = id == null;
    JsonNode idOut = id == null ? F.nullNode() : id;
    if (id != null && !(id.isTextual() || id.isNumber() || id.isNull())) {
      return error(F.nullNode(), JsonRpcError.INVALID_REQUEST, "invalid request", null);
    }
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
    JsonRpcMethod m = methods.get(method.asText());
    if (m == null) {
      String name = method.asText();
      if (name.length() > 64) {
        name = name.substring(0, 64) + "…";
      }
      return notification
          ? null
          : error(
              idOut,
              JsonRpcError.METHOD_NOT_FOUND,
              "the method " + name + " does not exist/is not available",
              null);
    }
    ObjectNode out;
    try {
      Object result = m.execute(new Params(params));
      out = F.objectNode();
      out.put("jsonrpc", "2.0");
      out.set("id", idOut);
      out.set("result", JSON.valueToTree(result));
    } catch (RpcException e) {
      out = error(idOut, e.error(), e.getMessage(), e.data());
    } catch (RuntimeException e) {
      // SECURITY: never a 5xx or a stack trace to the caller; the operator sees it in the log.
      LOG.error("JSON-RPC {} failed", m.name(), e);
      out = error(idOut, JsonRpcError.INTERNAL_ERROR, "internal error", null);
    }
    return notification ? null : out;
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
      return "{\"jsonrpc\":\"2.0\",\"id\":null,\"error\":{\"code\":-32603,\"message\":\"internal error\"}}"
          .getBytes(java.nio.charset.StandardCharsets.UTF_8);
    }
  }
}
