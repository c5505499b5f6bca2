package org.fedbridge.sidechain.rpc.methods;

import org.fedbridge.sidechain.rpc.Chain;
import org.fedbridge.sidechain.rpc.JsonRpcMethod;
import org.fedbridge.sidechain.rpc.JsonViews;
import org.fedbridge.sidechain.rpc.Params;
import org.fedbridge.sidechain.rpc.RpcException;
import org.fedbridge.sidechain.rpc.RpcMethod;
import org.fedbridge.sidechain.tx.SignedTransaction;

/** {@code eth_getTransactionByHash(hash)}: included, pending on this node, or {@code null}. */
final class EthGetTransactionByHash implements JsonRpcMethod {
  private final Chain chain;

  EthGetTransactionByHash(Chain chain) {
    this.chain = chain;
  }

  @Override
  public RpcMethod method() {
    return RpcMethod.ETH_GET_TRANSACTION_BY_HASH;
  }

  @Override
  public Object execute(Params params) throws RpcException {
    params.expectAtMost(1);
    var hash = params.hash(0);
    var stored = chain.queries().transaction(hash);
    if (stored.isPresent()) {
      var s = stored.get();
      var header = chain.queries().block(s.blockNumber()).orElseThrow().header();
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
