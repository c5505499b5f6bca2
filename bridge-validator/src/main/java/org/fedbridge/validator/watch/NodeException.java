package org.fedbridge.validator.watch;

/**
 * A node could not answer (transport failure, a JSON-RPC error, a malformed answer). The watcher
 * retries on its next poll; this never halts signing by itself.
 */
public final class NodeException extends Exception {
  private final boolean rpcError;

  NodeException(String message, boolean rpcError, Throwable cause) {
    super(message, cause);
    this.rpcError = rpcError;
  }

  /** True when the node answered with a JSON-RPC error (as opposed to not answering). */
  boolean rpcError() {
    return rpcError;
  }
}
