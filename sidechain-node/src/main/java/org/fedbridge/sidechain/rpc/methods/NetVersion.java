package org.fedbridge.sidechain.rpc.methods;

import org.fedbridge.sidechain.rpc.Chain;
import org.fedbridge.sidechain.rpc.JsonRpcMethod;
import org.fedbridge.sidechain.rpc.Params;
import org.fedbridge.sidechain.rpc.RpcException;
import org.fedbridge.sidechain.rpc.RpcMethod;

/** {@code net_version}: the chain id as a decimal string. */
final class NetVersion implements JsonRpcMethod {
  private final Chain chain;

  NetVersion(Chain chain) {
    this.chain = chain;
  }

  @Override
  public RpcMethod method() {
    return RpcMethod.NET_VERSION;
  }

  @Override
  public Object execute(Params params) throws RpcException {
    params.expectAtMost(0);
    return Long.toString(chain.ledger().genesis().chainId());
  }
}
