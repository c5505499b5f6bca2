package org.fedbridge.sidechain.rpc.methods;

import org.fedbridge.sidechain.ledger.CallResult;
import org.fedbridge.sidechain.rpc.CallRequest;
import org.fedbridge.sidechain.rpc.Chain;
import org.fedbridge.sidechain.rpc.JsonRpcError;
import org.fedbridge.sidechain.rpc.JsonRpcMethod;
import org.fedbridge.sidechain.rpc.Params;
import org.fedbridge.sidechain.rpc.Quantity;
import org.fedbridge.sidechain.rpc.RpcException;
import org.fedbridge.sidechain.rpc.RpcMethod;

/**
 * {@code eth_call(call, block)}: runs the call on a throw-away copy of the state; a revert is error
 * 3 {@code execution reverted: reason} with the revert data, as geth answers.
 */
final class EthCall implements JsonRpcMethod {
  private final Chain chain;

  EthCall(Chain chain) {
    this.chain = chain;
  }

  @Override
  public RpcMethod method() {
    return RpcMethod.ETH_CALL;
  }

  @Override
  public Object execute(Params params) throws RpcException {
    params.expectAtMost(3);
    CallRequest c = params.call(0);
    CallResult r = simulate(chain, c, params);
    if (!r.success()) {
      throw new RpcException(
          JsonRpcError.EXECUTION_REVERTED,
          "execution reverted: " + r.revertReason(),
          Quantity.data(r.returnData()));
    }
    return Quantity.data(r.returnData());
  }

  /** {@code [call, block?, overrides?]}: the call run on the selected state, thrown away. */
  static CallResult simulate(Chain chain, CallRequest c, Params params) throws RpcException {
    return chain.read(params.block(1), s -> s.call(c.from(), c.to(), c.value(), c.data()));
  }
}
