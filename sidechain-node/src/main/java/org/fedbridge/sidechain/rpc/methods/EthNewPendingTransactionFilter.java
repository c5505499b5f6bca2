package org.fedbridge.sidechain.rpc.methods;

import org.fedbridge.sidechain.rpc.Chain;
import org.fedbridge.sidechain.rpc.JsonRpcMethod;
import org.fedbridge.sidechain.rpc.Params;
import org.fedbridge.sidechain.rpc.RpcException;
import org.fedbridge.sidechain.rpc.RpcMethod;
import org.fedbridge.sidechain.rpc.subscriptions.FilterRegistry;

/**
 * {@code eth_newPendingTransactionFilter}: a filter whose changes are the hashes of transactions
 * this node sent to the log.
 */
final class EthNewPendingTransactionFilter implements JsonRpcMethod {
  private final Chain chain;

  EthNewPendingTransactionFilter(Chain chain) {
    this.chain = chain;
  }

  @Override
  public RpcMethod method() {
    return RpcMethod.ETH_NEW_PENDING_TRANSACTION_FILTER;
  }

  @Override
  public Object execute(Params params) throws RpcException {
    params.expectAtMost(0);
    return EthNewFilter.install(
        chain,
        new FilterRegistry.Installed(
            FilterRegistry.Kind.PENDING_TRANSACTIONS, null, 0, Long.MAX_VALUE));
  }
}
