package org.fedbridge.sidechain.rpc.methods;

import org.fedbridge.sidechain.rpc.JsonRpcMethod;
import org.fedbridge.sidechain.rpc.Params;
import org.fedbridge.sidechain.rpc.RpcException;
import org.fedbridge.sidechain.rpc.RpcMethod;

/** {@code web3_clientVersion}: the node's name and version. */
final class Web3ClientVersion implements JsonRpcMethod {
  public static final String VERSION = "fedbridge-sidechain/v0.1.0";

  @Override
  public RpcMethod method() {
    return RpcMethod.WEB3_CLIENT_VERSION;
  }

  @Override
  public Object execute(Params params) throws RpcException {
    params.expectAtMost(0);
    return VERSION;
  }
}
