package org.fedbridge.sidechain.rpc.methods;

import org.fedbridge.sidechain.rpc.Chain;
import org.fedbridge.sidechain.rpc.JsonRpcMethod;
import org.fedbridge.sidechain.rpc.Params;
import org.fedbridge.sidechain.rpc.Quantity;
import org.fedbridge.sidechain.rpc.RpcException;
import org.fedbridge.sidechain.rpc.RpcMethod;

/** {@code eth_gasPrice}: the fixed base fee from genesis (zero on the devnet). */
final class EthGasPrice implements JsonRpcMethod {
  private final Chain chain;

  EthGasPrice(Chain chain) {
    this.chain = chain;
  }

  @Override
  public RpcMethod method() {
    return RpcMethod.ETH_GAS_PRICE;
  }

  @Override
  public Object execute(Params params) throws RpcException {
    params.expectAtMost(0);
    return Quantity.of(chain.ledger().baseFee());
  }
}
