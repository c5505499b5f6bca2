package org.fedbridge.sidechain.rpc;

import java.util.concurrent.CompletableFuture;

/**
 * A method whose answer waits for something slow (the log's acknowledgement): {@link #start} does
 * the checks and returns a future, so that the requests of a batch do not wait for each other.
 */
public interface DeferredJsonRpcMethod extends JsonRpcMethod {
  /** Completes with the result, or exceptionally with an {@link RpcException}. */
  CompletableFuture<Object> start(Params params) throws RpcException;

  @Override
  default Object execute(Params params) throws RpcException {
    try {
      return start(params).get(15, java.util.concurrent.TimeUnit.SECONDS);
    } catch (java.util.concurrent.ExecutionException e) {
      if (e.getCause() instanceof RpcException rpc) {
        throw rpc;
      }
      throw new RpcException(JsonRpcError.UNAVAILABLE);
    } catch (java.util.concurrent.TimeoutException e) {
      throw new RpcException(JsonRpcError.UNAVAILABLE);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new RpcException(JsonRpcError.INTERNAL_ERROR);
    }
  }
}
