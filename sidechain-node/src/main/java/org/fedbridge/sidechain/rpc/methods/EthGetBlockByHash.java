package org.fedbridge.sidechain.rpc.methods;

import org.fedbridge.sidechain.rpc.Chain;
import org.fedbridge.sidechain.rpc.JsonRpcMethod;
import org.fedbridge.sidechain.rpc.JsonViews;
import org.fedbridge.sidechain.rpc.Params;
import org.fedbridge.sidechain.rpc.RpcException;

/** {@code eth_getBlockByHash(hash, fullTransactions)}; {@code null} for an unknown block. */
public final class EthGetBlockByHash implements JsonRpcMethod {
  private final Chain chain;

  public EthGetBlockByHash(Chain chain) {
    this.chain = chain;
  }

  @Override
  public String name() {
    return "eth_getBlockByHash";
  }

  @Override
  public Object execute(Params params) throws RpcException {
    params.expectAtMost(2);
    byte[] hash = params.hash(0);
    boolean full = params.bool(1, false);
    return chain
        .store()
        .block(hash)
        .map(
            h ->
                JsonViews.block(
                    h.header(), h.hash(), chain.store().transactionsOf(h.header().number()), full))
        .orElse(null);
  }
}
