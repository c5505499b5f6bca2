package org.fedbridge.sidechain.rpc.methods;

import org.fedbridge.sidechain.rpc.Chain;
import org.fedbridge.sidechain.rpc.JsonRpcMethod;
import org.fedbridge.sidechain.rpc.JsonViews;
import org.fedbridge.sidechain.rpc.Params;
import org.fedbridge.sidechain.rpc.RpcException;

/** {@code eth_getBlockByNumber(tag, fullTransactions)}; {@code null} for an unknown block. */
public final class EthGetBlockByNumber implements JsonRpcMethod {
  private final Chain chain;

  public EthGetBlockByNumber(Chain chain) {
    this.chain = chain;
  }

  @Override
  public String name() {
    return "eth_getBlockByNumber";
  }

  @Override
  public Object execute(Params params) throws RpcException {
    params.expectAtMost(2);
    long n = chain.blockNumber(params.required(0), 0);
    boolean full = params.bool(1, false);
    return chain
        .store()
        .block(n)
        .map(h -> JsonViews.block(h.header(), h.hash(), chain.store().transactionsOf(n), full))
        .orElse(null);
  }
}
