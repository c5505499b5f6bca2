package org.fedbridge.sidechain.rpc.methods;

import java.util.List;
import org.fedbridge.sidechain.rpc.BlockSelector;
import org.fedbridge.sidechain.rpc.Chain;
import org.fedbridge.sidechain.rpc.JsonRpcMethod;
import org.fedbridge.sidechain.rpc.JsonViews;
import org.fedbridge.sidechain.rpc.LogFilter;
import org.fedbridge.sidechain.rpc.Params;
import org.fedbridge.sidechain.rpc.RpcException;
import org.fedbridge.sidechain.rpc.RpcMethod;
import org.fedbridge.sidechain.rpc.subscriptions.FilterRegistry;

/**
 * {@code eth_getFilterLogs(id)}: every log a log filter matches in its range (tags resolved when it
 * was installed), as {@code eth_getLogs} answers.
 */
final class EthGetFilterLogs implements JsonRpcMethod {
  private final Chain chain;

  EthGetFilterLogs(Chain chain) {
    this.chain = chain;
  }

  @Override
  public RpcMethod method() {
    return RpcMethod.ETH_GET_FILTER_LOGS;
  }

  @Override
  public Object execute(Params params) throws RpcException {
    params.expectAtMost(1);
    FilterRegistry.Installed f =
        chain
            .filters()
            .get(EthGetFilterChanges.filterId(params))
            .filter(x -> x.kind() == FilterRegistry.Kind.LOGS)
            .orElseThrow(EthGetFilterChanges::notFound);
    // The range the filter was installed with, its tags resolved then ("latest": from the next
    // block on), up to the head now.
    long to = Math.min(f.toBlock(), chain.headNumber());
    if (f.fromBlock() > to) {
      return List.of();
    }
    LogFilter range =
        new LogFilter(
            new BlockSelector.Number(f.fromBlock()),
            new BlockSelector.Number(to),
            null,
            f.filter().addresses(),
            f.filter().topics());
    return EthGetLogs.logs(chain, range).stream().map(JsonViews::log).toList();
  }
}
