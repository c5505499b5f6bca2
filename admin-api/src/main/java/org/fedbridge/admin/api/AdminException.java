package org.fedbridge.admin.api;

/**
 * An expected refusal on its way to the client: {@link ApiProblems} turns it into a problem detail.
 * Thrown at the edge (controllers, filters) from a refusal value the feature returned.
 */
public final class AdminException extends RuntimeException {
  private final AdminError error;
  private final long retryAfterSeconds;

  public AdminException(AdminError error, String detail) {
    this(error, detail, 0);
  }

  public AdminException(AdminError error, String detail, long retryAfterSeconds) {
    super(detail, null, false, false);
    this.error = error;
    this.retryAfterSeconds = retryAfterSeconds;
  }

  public AdminError error() {
    return error;
  }

  public long retryAfterSeconds() {
    return retryAfterSeconds;
  }
}
