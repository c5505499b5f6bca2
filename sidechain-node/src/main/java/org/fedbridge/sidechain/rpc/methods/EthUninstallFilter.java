package org.fedbridge.sidechain.rpc.methods;

import org.fedbridge.sidechain.rpc.Chain;
import org.fedbridge.sidechain.rpc.JsonRpcMethod;
import org.fedbridge.sidechain.rpc.Params;
import org.fedbridge.sidechain.rpc.RpcException;
import org.fedbridge.sidechain.rpc.RpcMethod;

/** {@code eth_uninstallFilter(id)}: true if the filter existed. */
final class EthUninstallFilter implements JsonRpcMethod {
  private final Chain chain;

  EthUninstallFilter(Chain chain) {
    this.chain = chain;
  }

  @Override
  public RpcMethod method() {
    return RpcMethod.ETH_UNINSTALL_FILTER;
  }

  @Override
  public Object execute(Params params) throws RpcException {
    params.expectAtMost(1);
    return chain.filters().uninstall(EthGetFilterChanges.filterId(params));
  }
}
