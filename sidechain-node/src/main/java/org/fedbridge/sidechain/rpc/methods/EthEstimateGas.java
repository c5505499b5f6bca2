package org.fedbridge.sidechain.rpc.methods;

import org.fedbridge.sidechain.ledger.CallResult;
import org.fedbridge.sidechain.ledger.Ledger;
import org.fedbridge.sidechain.rpc.CallRequest;
import org.fedbridge.sidechain.rpc.Chain;
import org.fedbridge.sidechain.rpc.JsonRpcError;
import org.fedbridge.sidechain.rpc.JsonRpcMethod;
import org.fedbridge.sidechain.rpc.Params;
import org.fedbridge.sidechain.rpc.Quantity;
import org.fedbridge.sidechain.rpc.RpcException;
import org.fedbridge.sidechain.rpc.RpcMethod;

/**
 * {@code eth_estimateGas(call)}: gas is a fixed schedule here (see the ledger's executor), so the
 * estimate is exact: intrinsic gas plus the call's execution gas.
 */
final class EthEstimateGas implements JsonRpcMethod {
  private final Chain chain;

  EthEstimateGas(Chain chain) {
    this.chain = chain;
  }

  @Override
  public RpcMethod method() {
    return RpcMethod.ETH_ESTIMATE_GAS;
  }

  @Override
  public Object execute(Params params) throws RpcException {
    params.expectAtMost(3);
    CallRequest c = params.call(0);
    CallResult r = EthCall.simulate(chain, c, params);
    if (r.outcome() == CallResult.Outcome.INSUFFICIENT_BALANCE) {
      throw new RpcException(JsonRpcError.TRANSACTION_REJECTED, "insufficient funds for transfer");
    }
    if (!r.success()) {
      throw new RpcException(
          JsonRpcError.EXECUTION_REVERTED,
          "execution reverted: " + r.revertReason(),
          Quantity.data(r.returnData()));
    }
    long gas = Ledger.intrinsicGas(c.data()) + r.executionGas();
    if (c.gas() != null && c.gas() < gas) {
      throw new RpcException(
          JsonRpcError.TRANSACTION_REJECTED, "gas required exceeds allowance (" + c.gas() + ")");
    }
    return Quantity.of(gas);
  }
}
