package org.fedbridge.sidechain.rpc;

import java.util.concurrent.CompletableFuture;

/**
 * A method whose answer waits for something slow (the log's acknowledgement): {@link #start} does
 * the checks and returns a future, so that the requests of a batch do not wait for each other. The
 * dispatcher waits for the future, at most the configured append timeout.
 */
public interface DeferredJsonRpcMethod extends JsonRpcMethod {
  /** Completes with the result, or exceptionally with an {@link RpcException}. */
  CompletableFuture<Object> start(Params params) throws RpcException;

  @Override
  default Object execute(Params params) throws RpcException {
    throw new UnsupportedOperationException(method().methodName() + " is deferred: use start");
  }
}
