package org.fedbridge.sidechain.rpc;

/** One JSON-RPC method (one class each, as in Besu). */
public interface JsonRpcMethod {
  RpcMethod method();

  /** The result (anything Jackson can write), or an {@link RpcException}. */
  Object execute(Params params) throws RpcException;
}
