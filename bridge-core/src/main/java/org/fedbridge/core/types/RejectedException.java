package org.fedbridge.core.types;

/** Thrown only by {@link Result#orThrow()}, for callers that treat a rejection as fatal. */
public final class RejectedException extends RuntimeException {
  private final Rejection reason;

  public RejectedException(Rejection reason, String detail) {
    super(reason + ": " + detail);
    this.reason = reason;
  }

  public Rejection reason() {
    return reason;
  }
}
