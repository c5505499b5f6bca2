package org.fedbridge.core.wire;

import org.fedbridge.core.types.Rejection;
import org.fedbridge.core.types.Result;

/**
 * Internal to the decoders: unwinds a parse at the first bad field. Every public decoder catches it
 * and returns {@link Result#err}; it never leaves this package.
 */
final class WireException extends RuntimeException {
  private final Rejection reason;

  WireException(Rejection reason, String detail) {
    super(detail, null, false, false);
    this.reason = reason;
  }

  <T> Result<T> toResult() {
    return Result.err(reason, getMessage());
  }
}
