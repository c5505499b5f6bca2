package org.fedbridge.sidechain.rpc.methods;

import org.fedbridge.sidechain.rpc.Chain;
import org.fedbridge.sidechain.rpc.JsonRpcMethod;
import org.fedbridge.sidechain.rpc.JsonViews;
import org.fedbridge.sidechain.rpc.Params;
import org.fedbridge.sidechain.rpc.RpcException;
import org.fedbridge.sidechain.rpc.RpcMethod;

/** {@code eth_getTransactionReceipt(hash)}: the receipt once a stored block holds it. */
final class EthGetTransactionReceipt implements JsonRpcMethod {
  private final Chain chain;

  EthGetTransactionReceipt(Chain chain) {
    this.chain = chain;
  }

  @Override
  public RpcMethod method() {
    return RpcMethod.ETH_GET_TRANSACTION_RECEIPT;
  }

  @Override
  public Object execute(Params params) throws RpcException {
    params.expectAtMost(1);
    return chain.queries().transaction(params.hash(0)).map(JsonViews::receipt).orElse(null);
  }
}
