package org.fedbridge.sidechain.rpc.methods;

import org.fedbridge.sidechain.rpc.Chain;
import org.fedbridge.sidechain.rpc.JsonRpcMethod;
import org.fedbridge.sidechain.rpc.Params;
import org.fedbridge.sidechain.rpc.RpcException;

/** {@code net_version}: the chain id as a decimal string. */
public final class NetVersion implements JsonRpcMethod {
  private final Chain chain;

  public NetVersion(Chain chain) {
    this.chain = chain;
  }

  @Override
  public String name() {
    return "net_version";
  }

  @Override
  public Object execute(Params params) throws RpcException {
    params.expectAtMost(0);
    return Long.toString(chain.ledger().genesis().chainId());
  }
}
