package org.fedbridge.sidechain.rpc.methods;

import org.fedbridge.sidechain.rpc.Chain;
import org.fedbridge.sidechain.rpc.JsonRpcError;
import org.fedbridge.sidechain.rpc.JsonRpcMethod;
import org.fedbridge.sidechain.rpc.Params;
import org.fedbridge.sidechain.rpc.RpcException;
import org.fedbridge.sidechain.rpc.RpcMethod;

/**
 * {@code eth_getFilterChanges(id)}: what the filter gathered since the last poll (logs, or block or
 * transaction hashes); {@code filter not found} once it is uninstalled or expired.
 */
final class EthGetFilterChanges implements JsonRpcMethod {
  private final Chain chain;

  EthGetFilterChanges(Chain chain) {
    this.chain = chain;
  }

  @Override
  public RpcMethod method() {
    return RpcMethod.ETH_GET_FILTER_CHANGES;
  }

  @Override
  public Object execute(Params params) throws RpcException {
    params.expectAtMost(1);
    return chain.filters().changes(filterId(params)).orElseThrow(EthGetFilterChanges::notFound);
  }

  static String filterId(Params params) throws RpcException {
    var id = params.required(0);
    if (!id.isTextual()) {
      throw RpcException.invalidParams(0, "expected a filter id");
    }
    return id.asText();
  }

  static RpcException notFound() {
    return new RpcException(JsonRpcError.NOT_FOUND, "filter not found");
  }
}
