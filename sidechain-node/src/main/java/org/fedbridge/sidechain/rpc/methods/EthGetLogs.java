package org.fedbridge.sidechain.rpc.methods;

import java.util.List;
import org.fedbridge.sidechain.rpc.Chain;
import org.fedbridge.sidechain.rpc.JsonRpcError;
import org.fedbridge.sidechain.rpc.JsonRpcMethod;
import org.fedbridge.sidechain.rpc.JsonViews;
import org.fedbridge.sidechain.rpc.LogFilter;
import org.fedbridge.sidechain.rpc.Params;
import org.fedbridge.sidechain.rpc.RpcException;
import org.fedbridge.sidechain.rpc.RpcMethod;
import org.fedbridge.sidechain.store.StoredLog;

/**
 * {@code eth_getLogs(filter)}: {@code fromBlock}/{@code toBlock} or {@code blockHash}, {@code
 * address} (one or many), {@code topics} (per position: null, one, or any of many).
 */
final class EthGetLogs implements JsonRpcMethod {
  static final int MAX_RESULTS = 10_000;
  static final long MAX_RANGE = 100_000;

  private final Chain chain;

  EthGetLogs(Chain chain) {
    this.chain = chain;
  }

  @Override
  public RpcMethod method() {
    return RpcMethod.ETH_GET_LOGS;
  }

  @Override
  public Object execute(Params params) throws RpcException {
    params.expectAtMost(1);
    return logs(chain, params.logFilter(0)).stream().map(JsonViews::log).toList();
  }

  /** The logs a filter selects, within the range and result limits. */
  static List<StoredLog> logs(Chain chain, LogFilter f) throws RpcException {
    long from;
    long to;
    if (f.blockHash() != null) {
      var block = chain.queries().block(f.blockHash());
      if (block.isEmpty()) {
        throw new RpcException(JsonRpcError.NOT_FOUND, "unknown block");
      }
      from = to = block.get().number();
    } else {
      from = chain.resolve(f.from());
      to = chain.resolve(f.to());
    }
    if (from > to) {
      throw RpcException.invalidParams(0, "invalid block range params");
    }
    if (to - from > MAX_RANGE) {
      throw new RpcException(
          JsonRpcError.LIMIT_EXCEEDED, "block range too large, at most " + MAX_RANGE);
    }
    List<StoredLog> logs =
        chain.queries().logs(from, to, f.addresses(), f.topics(), MAX_RESULTS + 1);
    if (logs.size() > MAX_RESULTS) {
      throw new RpcException(
          JsonRpcError.LIMIT_EXCEEDED, "query returned more than " + MAX_RESULTS + " results");
    }
    return logs;
  }
}
