package org.fedbridge.sidechain.rpc.methods;

import org.fedbridge.sidechain.ledger.CallResult;
import org.fedbridge.sidechain.rpc.Chain;
import org.fedbridge.sidechain.rpc.JsonRpcError;
import org.fedbridge.sidechain.rpc.JsonRpcMethod;
import org.fedbridge.sidechain.rpc.Params;
import org.fedbridge.sidechain.rpc.Quantity;
import org.fedbridge.sidechain.rpc.RpcException;

/**
 * {@code eth_call(call, block)}: runs the call on a throw-away copy of the latest state; a revert
 * is error 3 {@code execution reverted: reason} with the revert data, as geth answers.
 */
public final class EthCall implements JsonRpcMethod {
  private final Chain chain;

  public EthCall(Chain chain) {
    this.chain = chain;
  }

  @Override
  public String name() {
    return "eth_call";
  }

  @Override
  public Object execute(Params params) throws RpcException {
    CallRequest c = CallRequest.fromParams(chain, params);
    CallResult r = c.simulate(chain);
    if (!r.success()) {
      throw new RpcException(
          JsonRpcError.EXECUTION_REVERTED,
          "execution reverted: " + r.revertReason(),
          Quantity.data(r.returnData()));
    }
    return Quantity.data(r.returnData());
  }
}
