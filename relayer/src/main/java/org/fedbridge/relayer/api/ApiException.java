package org.fedbridge.relayer.api;

/** An expected refusal of a request; {@link ApiProblems} turns it into problem details. */
final class ApiException extends RuntimeException {
  private final ApiError error;
  private final long retryAfterSeconds;

  ApiException(ApiError error, String detail) {
    this(error, detail, 0);
  }

  ApiException(ApiError error, String detail, long retryAfterSeconds) {
    super(detail, null, false, false);
    this.error = error;
    this.retryAfterSeconds = retryAfterSeconds;
  }

  ApiError error() {
    return error;
  }

  long retryAfterSeconds() {
    return retryAfterSeconds;
  }
}
