package org.fedbridge.sidechain.rpc.methods;

import org.fedbridge.sidechain.rpc.Chain;
import org.fedbridge.sidechain.rpc.JsonRpcMethod;
import org.fedbridge.sidechain.rpc.JsonViews;
import org.fedbridge.sidechain.rpc.Params;
import org.fedbridge.sidechain.rpc.RpcException;
import org.fedbridge.sidechain.rpc.RpcMethod;

/** {@code eth_getBlockByNumber(tag, fullTransactions)}; {@code null} for an unknown block. */
final class EthGetBlockByNumber implements JsonRpcMethod {
  private final Chain chain;

  EthGetBlockByNumber(Chain chain) {
    this.chain = chain;
  }

  @Override
  public RpcMethod method() {
    return RpcMethod.ETH_GET_BLOCK_BY_NUMBER;
  }

  @Override
  public Object execute(Params params) throws RpcException {
    params.expectAtMost(2);
    long n = chain.resolve(Params.block(params.required(0), 0));
    boolean full = params.bool(1, false);
    return chain
        .queries()
        .block(n)
        .map(h -> JsonViews.block(h.header(), h.hash(), chain.queries().transactionsOf(n), full))
        .orElse(null);
  }
}
