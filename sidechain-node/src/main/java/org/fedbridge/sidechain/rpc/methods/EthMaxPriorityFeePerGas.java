package org.fedbridge.sidechain.rpc.methods;

import org.fedbridge.sidechain.rpc.JsonRpcMethod;
import org.fedbridge.sidechain.rpc.Params;
import org.fedbridge.sidechain.rpc.RpcException;
import org.fedbridge.sidechain.rpc.RpcMethod;

/** {@code eth_maxPriorityFeePerGas}: zero, there is no block producer to tip. */
final class EthMaxPriorityFeePerGas implements JsonRpcMethod {
  @Override
  public RpcMethod method() {
    return RpcMethod.ETH_MAX_PRIORITY_FEE_PER_GAS;
  }

  @Override
  public Object execute(Params params) throws RpcException {
    params.expectAtMost(0);
    return "0x0";
  }
}
