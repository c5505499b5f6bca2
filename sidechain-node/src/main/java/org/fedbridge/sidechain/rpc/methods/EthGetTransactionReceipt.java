package org.fedbridge.sidechain.rpc.methods;

import org.fedbridge.sidechain.rpc.Chain;
import org.fedbridge.sidechain.rpc.JsonRpcMethod;
import org.fedbridge.sidechain.rpc.JsonViews;
import org.fedbridge.sidechain.rpc.Params;
import org.fedbridge.sidechain.rpc.RpcException;

/** {@code eth_getTransactionReceipt(hash)}: the receipt once a stored block holds it. */
public final class EthGetTransactionReceipt implements JsonRpcMethod {
  private final Chain chain;

  public EthGetTransactionReceipt(Chain chain) {
    this.chain = chain;
  }

  @Override
  public String name() {
    return "eth_getTransactionReceipt";
  }

  @Override
  public Object execute(Params params) throws RpcException {
    params.expectAtMost(1);
    return chain.store().transaction(params.hash(0)).map(JsonViews::receipt).orElse(null);
  }
}
