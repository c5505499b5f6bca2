package org.fedbridge.sidechain.rpc.methods;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import org.fedbridge.sidechain.rpc.Chain;
import org.fedbridge.sidechain.rpc.JsonRpcError;
import org.fedbridge.sidechain.rpc.JsonRpcMethod;
import org.fedbridge.sidechain.rpc.JsonViews;
import org.fedbridge.sidechain.rpc.Params;
import org.fedbridge.sidechain.rpc.RpcException;
import org.fedbridge.sidechain.store.BlockStore;

/**
 * {@code eth_getLogs(filter)}: {@code fromBlock}/{@code toBlock} or {@code blockHash}, {@code
 * address} (one or many), {@code topics} (per position: null, one, or any of many).
 */
public final class EthGetLogs implements JsonRpcMethod {
  public static final int MAX_RESULTS = 10_000;
  public static final long MAX_RANGE = 100_000;

  private final Chain chain;

  public EthGetLogs(Chain chain) {
    this.chain = chain;
  }

  @Override
  public String name() {
    return "eth_getLogs";
  }

  @Override
  public Object execute(Params params) throws RpcException {
    params.expectAtMost(1);
    JsonNode f = params.required(0);
    if (!f.isObject()) {
      throw RpcException.invalidParams(0, "expected a filter object");
    }
    long from;
    long to;
    if (f.hasNonNull("blockHash")) {
      if (f.hasNonNull("fromBlock") || f.hasNonNull("toBlock")) {
        throw RpcException.invalidParams(0, "cannot specify both BlockHash and FromBlock/ToBlock");
      }
      byte[] hash = Params.hexBytes(f.get("blockHash"), 0);
      var block = chain.store().block(hash);
      if (block.isEmpty()) {
        throw new RpcException(JsonRpcError.NOT_FOUND, "unknown block");
      }
      from = to = block.get().header().number();
    } else {
      from = chain.blockNumber(f.get("fromBlock"), 0);
      to = chain.blockNumber(f.get("toBlock"), 0);
    }
    if (from > to) {
      throw RpcException.invalidParams(0, "invalid block range params");
    }
    if (to - from > MAX_RANGE) {
      throw new RpcException(
          JsonRpcError.LIMIT_EXCEEDED, "block range too large, at most " + MAX_RANGE);
    }
    List<byte[]> addresses = new ArrayList<>();
    JsonNode a = f.get("address");
    if (a != null && !a.isNull()) {
      if (a.isArray()) {
        for (JsonNode x : a) {
          addresses.add(Params.address(x, 0).bytes());
        }
      } else {
        addresses.add(Params.address(a, 0).bytes());
      }
    }
    List<List<byte[]>> topics = new ArrayList<>();
    JsonNode t = f.get("topics");
    if (t != null && !t.isNull()) {
      if (!t.isArray() || t.size() > 4) {
        throw RpcException.invalidParams(0, "topics must be an array of at most 4 entries");
      }
      for (JsonNode pos : t) {
        List<byte[]> options = new ArrayList<>();
        if (pos.isArray()) {
          for (JsonNode x : pos) {
            if (!x.isNull()) {
              options.add(topic(x));
            }
          }
        } else if (!pos.isNull()) {
          options.add(topic(pos));
        }
        topics.add(options);
      }
    }
    List<BlockStore.StoredLog> logs =
        chain.store().logs(from, to, addresses, topics, MAX_RESULTS + 1);
    if (logs.size() > MAX_RESULTS) {
      throw new RpcException(
          JsonRpcError.LIMIT_EXCEEDED, "query returned more than " + MAX_RESULTS + " results");
    }
    return logs.stream().map(JsonViews::log).toList();
  }

  private static byte[] topic(JsonNode n) throws RpcException {
    byte[] b = Params.hexBytes(n, 0);
    if (b.length != 32) {
      throw RpcException.invalidParams(0, "topic must be 32 bytes");
    }
    return b;
  }
}
