package org.fedbridge.sidechain.rpc.methods;

import org.fedbridge.sidechain.rpc.JsonRpcError;
import org.fedbridge.sidechain.rpc.JsonRpcMethod;
import org.fedbridge.sidechain.rpc.Params;
import org.fedbridge.sidechain.rpc.RpcException;
import org.fedbridge.sidechain.rpc.RpcMethod;

/**
 * {@code eth_subscribe} and {@code eth_unsubscribe} where there is no connection to push to (HTTP):
 * geth's "notifications not supported". Over WebSocket the connection's own methods answer.
 */
final class NotificationsOverHttp implements JsonRpcMethod {
  private final RpcMethod method;

  NotificationsOverHttp(RpcMethod method) {
    this.method = method;
  }

  @Override
  public RpcMethod method() {
    return method;
  }

  @Override
  public Object execute(Params params) throws RpcException {
    throw new RpcException(JsonRpcError.METHOD_NOT_FOUND, "notifications not supported");
  }
}
