package org.fedbridge.sidechain.rpc.methods;

import org.fedbridge.sidechain.rpc.JsonRpcMethod;
import org.fedbridge.sidechain.rpc.Params;
import org.fedbridge.sidechain.rpc.RpcException;

/** {@code eth_maxPriorityFeePerGas}: zero, there is no block producer to tip. */
public final class EthMaxPriorityFeePerGas implements JsonRpcMethod {
  @Override
  public String name() {
    return "eth_maxPriorityFeePerGas";
  }

  @Override
  public Object execute(Params params) throws RpcException {
    params.expectAtMost(0);
    return "0x0";
  }
}
