package org.fedbridge.sidechain.rpc.methods;

import org.fedbridge.sidechain.rpc.Chain;
import org.fedbridge.sidechain.rpc.JsonRpcMethod;
import org.fedbridge.sidechain.rpc.Params;
import org.fedbridge.sidechain.rpc.Quantity;
import org.fedbridge.sidechain.rpc.RpcException;
import org.fedbridge.sidechain.rpc.RpcMethod;

/** {@code eth_getBalance(address, block)}: the ETH balance in wei (latest state). */
final class EthGetBalance implements JsonRpcMethod {
  private final Chain chain;

  EthGetBalance(Chain chain) {
    this.chain = chain;
  }

  @Override
  public RpcMethod method() {
    return RpcMethod.ETH_GET_BALANCE;
  }

  @Override
  public Object execute(Params params) throws RpcException {
    params.expectAtMost(2);
    var address = params.address(0);
    return chain.read(params.block(1), s -> Quantity.of(s.balance(address)));
  }
}
