package org.fedbridge.sidechain.rpc.methods;

import org.fedbridge.sidechain.rpc.Chain;
import org.fedbridge.sidechain.rpc.JsonRpcMethod;
import org.fedbridge.sidechain.rpc.Params;
import org.fedbridge.sidechain.rpc.Quantity;
import org.fedbridge.sidechain.rpc.RpcException;
import org.fedbridge.sidechain.rpc.RpcMethod;

/** {@code eth_blockNumber}: the latest stored block. */
final class EthBlockNumber implements JsonRpcMethod {
  private final Chain chain;

  EthBlockNumber(Chain chain) {
    this.chain = chain;
  }

  @Override
  public RpcMethod method() {
    return RpcMethod.ETH_BLOCK_NUMBER;
  }

  @Override
  public Object execute(Params params) throws RpcException {
    params.expectAtMost(0);
    return Quantity.of(chain.headNumber());
  }
}
