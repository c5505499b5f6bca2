package org.fedbridge.admin.chain;

/** L1 or the sidechain did not answer, or answered with an error: an I/O failure, retried later. */
public final class ChainException extends RuntimeException {
  public ChainException(String message, Throwable cause) {
    super(message, cause);
  }

  public ChainException(String message) {
    super(message);
  }
}
