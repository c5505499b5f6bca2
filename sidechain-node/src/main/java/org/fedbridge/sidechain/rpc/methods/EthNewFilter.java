package org.fedbridge.sidechain.rpc.methods;

import org.fedbridge.sidechain.rpc.BlockSelector;
import org.fedbridge.sidechain.rpc.Chain;
import org.fedbridge.sidechain.rpc.JsonRpcError;
import org.fedbridge.sidechain.rpc.JsonRpcMethod;
import org.fedbridge.sidechain.rpc.LogFilter;
import org.fedbridge.sidechain.rpc.Params;
import org.fedbridge.sidechain.rpc.RpcException;
import org.fedbridge.sidechain.rpc.RpcMethod;
import org.fedbridge.sidechain.rpc.subscriptions.FilterRegistry;

/**
 * {@code eth_newFilter(filter)}: installs a log filter ({@code fromBlock}, {@code toBlock}, {@code
 * address}, {@code topics}); {@code eth_getFilterChanges} then returns the matching logs of blocks
 * stored since the last poll.
 */
final class EthNewFilter implements JsonRpcMethod {
  private final Chain chain;

  EthNewFilter(Chain chain) {
    this.chain = chain;
  }

  @Override
  public RpcMethod method() {
    return RpcMethod.ETH_NEW_FILTER;
  }

  @Override
  public Object execute(Params params) throws RpcException {
    params.expectAtMost(1);
    LogFilter f = params.logFilter(0);
    if (f.blockHash() != null) {
      throw RpcException.invalidParams(0, "blockHash is for eth_getLogs only");
    }
    long head = chain.headNumber();
    long from = f.from() instanceof BlockSelector.Latest ? head + 1 : chain.resolve(f.from());
    long to = f.to() instanceof BlockSelector.Latest ? Long.MAX_VALUE : chain.resolve(f.to());
    return install(chain, new FilterRegistry.Installed(FilterRegistry.Kind.LOGS, f, from, to));
  }

  static String install(Chain chain, FilterRegistry.Installed f) throws RpcException {
    return chain
        .filters()
        .install(f)
        .orElseThrow(
            () ->
                new RpcException(
                    JsonRpcError.LIMIT_EXCEEDED, "too many filters installed on this node"));
  }
}
