package org.fedbridge.sidechain.rpc.methods;

import org.fedbridge.sidechain.rpc.Chain;
import org.fedbridge.sidechain.rpc.JsonRpcMethod;
import org.fedbridge.sidechain.rpc.Params;
import org.fedbridge.sidechain.rpc.RpcException;
import org.fedbridge.sidechain.rpc.RpcMethod;
import org.fedbridge.sidechain.rpc.subscriptions.FilterRegistry;

/** {@code eth_newBlockFilter}: a filter whose changes are the hashes of new blocks. */
final class EthNewBlockFilter implements JsonRpcMethod {
  private final Chain chain;

  EthNewBlockFilter(Chain chain) {
    this.chain = chain;
  }

  @Override
  public RpcMethod method() {
    return RpcMethod.ETH_NEW_BLOCK_FILTER;
  }

  @Override
  public Object execute(Params params) throws RpcException {
    params.expectAtMost(0);
    return EthNewFilter.install(
        chain, new FilterRegistry.Installed(FilterRegistry.Kind.BLOCKS, null, 0, Long.MAX_VALUE));
  }
}
