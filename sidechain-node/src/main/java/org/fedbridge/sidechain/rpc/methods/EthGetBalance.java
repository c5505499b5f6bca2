package org.fedbridge.sidechain.rpc.methods;

import org.fedbridge.sidechain.ledger.State;
import org.fedbridge.sidechain.rpc.Chain;
import org.fedbridge.sidechain.rpc.JsonRpcMethod;
import org.fedbridge.sidechain.rpc.Params;
import org.fedbridge.sidechain.rpc.Quantity;
import org.fedbridge.sidechain.rpc.RpcException;

/** {@code eth_getBalance(address, block)}: the ETH balance in wei (latest state). */
public final class EthGetBalance implements JsonRpcMethod {
  private final Chain chain;

  public EthGetBalance(Chain chain) {
    this.chain = chain;
  }

  @Override
  public String name() {
    return "eth_getBalance";
  }

  @Override
  public Object execute(Params params) throws RpcException {
    params.expectAtMost(2);
    var address = params.address(0);
    chain.requireLatestState(params.node(1), 1);
    return Quantity.of(State.readOnly(chain.ledger().world()).account(address).balance());
  }
}
