package org.fedbridge.sidechain.rpc.methods;

import org.fedbridge.sidechain.rpc.Chain;
import org.fedbridge.sidechain.rpc.JsonRpcMethod;
import org.fedbridge.sidechain.rpc.JsonViews;
import org.fedbridge.sidechain.rpc.Params;
import org.fedbridge.sidechain.rpc.RpcException;
import org.fedbridge.sidechain.tx.SignedTransaction;

/** {@code eth_getTransactionByHash(hash)}: included, pending on this node, or {@code null}. */
public final class EthGetTransactionByHash implements JsonRpcMethod {
  private final Chain chain;

  public EthGetTransactionByHash(Chain chain) {
    this.chain = chain;
  }

  @Override
  public String name() {
    return "eth_getTransactionByHash";
  }

  @Override
  public Object execute(Params params) throws RpcException {
    params.expectAtMost(1);
    byte[] hash = params.hash(0);
    var stored = chain.store().transaction(hash);
    if (stored.isPresent()) {
      var s = stored.get();
      var header = chain.store().block(s.blockNumber()).orElseThrow().header();
      return JsonViews.transaction(
          s.executed().tx(),
          s.blockNumber(),
          s.blockHash(),
          s.executed().index(),
          header.baseFee());
    }
    SignedTransaction pending = chain.admission().pendingTransaction(hash);
    return pending == null ? null : JsonViews.pendingTransaction(pending);
  }
}
