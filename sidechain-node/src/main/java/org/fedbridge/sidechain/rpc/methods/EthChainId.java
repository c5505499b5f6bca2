package org.fedbridge.sidechain.rpc.methods;

import org.fedbridge.sidechain.rpc.Chain;
import org.fedbridge.sidechain.rpc.JsonRpcMethod;
import org.fedbridge.sidechain.rpc.Params;
import org.fedbridge.sidechain.rpc.Quantity;
import org.fedbridge.sidechain.rpc.RpcException;

/** {@code eth_chainId} (EIP-695). */
public final class EthChainId implements JsonRpcMethod {
  private final Chain chain;

  public EthChainId(Chain chain) {
    this.chain = chain;
  }

  @Override
  public String name() {
    return "eth_chainId";
  }

  @Override
  public Object execute(Params params) throws RpcException {
    params.expectAtMost(0);
    return Quantity.of(chain.ledger().genesis().chainId());
  }
}
