package org.fedbridge.sidechain.store;

/** A database failure (the replica recovers from its database; JSON-RPC answers an error). */
public final class StoreException extends RuntimeException {
  public StoreException(String message, Throwable cause) {
    super(message, cause);
  }
}
