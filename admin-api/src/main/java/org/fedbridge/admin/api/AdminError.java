package org.fedbridge.admin.api;

import org.fedbridge.service.problem.ProblemType;
import org.springframework.http.HttpStatus;

/**
 * Every error the admin API answers, as an RFC 9457 problem detail: {@code type} is {@code
 * /problems/<slug>}, {@code title} is fixed per error, {@code detail} says what was wrong with this
 * request.
 */
public enum AdminError implements ProblemType {
  UNAUTHENTICATED(HttpStatus.UNAUTHORIZED, "unauthenticated", "Authentication required"),
  INVALID_CREDENTIALS(
      HttpStatus.UNAUTHORIZED, "invalid-credentials", "Invalid, expired or revoked credentials"),
  FORBIDDEN(HttpStatus.FORBIDDEN, "forbidden", "Not allowed for your roles"),
  NOT_FOUND(HttpStatus.NOT_FOUND, "not-found", "Not found"),
  METHOD_NOT_ALLOWED(HttpStatus.METHOD_NOT_ALLOWED, "method-not-allowed", "Method not allowed"),
  UNSUPPORTED_MEDIA_TYPE(
      HttpStatus.UNSUPPORTED_MEDIA_TYPE, "unsupported-media-type", "Send application/json"),
  BAD_REQUEST(HttpStatus.BAD_REQUEST, "bad-request", "Bad request"),
  INVALID_FIELD(HttpStatus.BAD_REQUEST, "invalid-field", "Invalid field"),
  POLICY_VIOLATION(
      HttpStatus.UNPROCESSABLE_CONTENT, "policy-violation", "Refused by the federation policy"),
  CONFLICT(HttpStatus.CONFLICT, "conflict", "Conflicts with the current state"),
  RATE_LIMITED(HttpStatus.TOO_MANY_REQUESTS, "rate-limited", "Too many requests"),
  CHAIN_UNAVAILABLE(HttpStatus.BAD_GATEWAY, "chain-unavailable", "L1 or the sidechain failed"),
  UNAVAILABLE(HttpStatus.SERVICE_UNAVAILABLE, "unavailable", "Not available on this console"),
  INTERNAL(HttpStatus.INTERNAL_SERVER_ERROR, "internal", "Internal error");

  private final HttpStatus status;
  private final String slug;
  private final String title;

  AdminError(HttpStatus status, String slug, String title) {
    this.status = status;
    this.slug = slug;
    this.title = title;
  }

  @Override
  public HttpStatus status() {
    return status;
  }

  @Override
  public String slug() {
    return slug;
  }

  @Override
  public String title() {
    return title;
  }
}
