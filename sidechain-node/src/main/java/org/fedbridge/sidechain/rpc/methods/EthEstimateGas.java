package org.fedbridge.sidechain.rpc.methods;

import org.fedbridge.sidechain.ledger.CallResult;
import org.fedbridge.sidechain.ledger.Executor;
import org.fedbridge.sidechain.rpc.Chain;
import org.fedbridge.sidechain.rpc.JsonRpcError;
import org.fedbridge.sidechain.rpc.JsonRpcMethod;
import org.fedbridge.sidechain.rpc.Params;
import org.fedbridge.sidechain.rpc.Quantity;
import org.fedbridge.sidechain.rpc.RpcException;

/**
 * {@code eth_estimateGas(call)}: gas is a fixed schedule here (see {@code Executor}), so the
 * estimate is exact: intrinsic gas plus the call's execution gas.
 */
public final class EthEstimateGas implements JsonRpcMethod {
  private final Chain chain;

  public EthEstimateGas(Chain chain) {
    this.chain = chain;
  }

  @Override
  public String name() {
    return "eth_estimateGas";
  }

  @Override
  public Object execute(Params params) throws RpcException {
    CallRequest c = CallRequest.fromParams(chain, params);
    CallResult r = c.simulate(chain);
    if (!r.success()) {
      if ("insufficient balance for transfer".equals(r.revertReason())) {
        throw new RpcException(
            JsonRpcError.TRANSACTION_REJECTED, "insufficient funds for transfer");
      }
      throw new RpcException(
          JsonRpcError.EXECUTION_REVERTED,
          "execution reverted: " + r.revertReason(),
          Quantity.data(r.returnData()));
    }
    long gas = Executor.intrinsicGas(c.data()) + r.executionGas();
    if (c.gas() != null && c.gas() < gas) {
      throw new RpcException(
          JsonRpcError.TRANSACTION_REJECTED, "gas required exceeds allowance (" + c.gas() + ")");
    }
    return Quantity.of(gas);
  }
}
