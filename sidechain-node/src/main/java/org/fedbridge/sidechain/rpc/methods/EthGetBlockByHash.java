package org.fedbridge.sidechain.rpc.methods;

import org.fedbridge.sidechain.rpc.Chain;
import org.fedbridge.sidechain.rpc.JsonRpcMethod;
import org.fedbridge.sidechain.rpc.JsonViews;
import org.fedbridge.sidechain.rpc.Params;
import org.fedbridge.sidechain.rpc.RpcException;
import org.fedbridge.sidechain.rpc.RpcMethod;

/** {@code eth_getBlockByHash(hash, fullTransactions)}; {@code null} for an unknown block. */
final class EthGetBlockByHash implements JsonRpcMethod {
  private final Chain chain;

  EthGetBlockByHash(Chain chain) {
    this.chain = chain;
  }

  @Override
  public RpcMethod method() {
    return RpcMethod.ETH_GET_BLOCK_BY_HASH;
  }

  @Override
  public Object execute(Params params) throws RpcException {
    params.expectAtMost(2);
    var hash = params.hash(0);
    boolean full = params.bool(1, false);
    return chain
        .queries()
        .block(hash)
        .map(
            h ->
                JsonViews.block(
                    h.header(),
                    h.hash(),
                    chain.queries().transactionsOf(h.header().number()),
                    full))
        .orElse(null);
  }
}
