package org.fedbridge.relayer.api;

import org.fedbridge.service.problem.ProblemType;
import org.springframework.http.HttpStatus;

/**
 * Every error the user API answers, as RFC 9457 problem details: {@code type} is {@code
 * /problems/<slug>}, {@code title} is fixed per error, {@code detail} says what was wrong with this
 * request.
 */
public enum ApiError implements ProblemType {
  INVALID_HASH(HttpStatus.BAD_REQUEST, "invalid-hash", "Invalid transaction hash"),
  INVALID_ADDRESS(HttpStatus.BAD_REQUEST, "invalid-address", "Invalid address"),
  INVALID_NONCE(HttpStatus.BAD_REQUEST, "invalid-nonce", "Invalid nonce"),
  INVALID_PAGE(HttpStatus.BAD_REQUEST, "invalid-page", "Invalid page or page size"),
  BAD_REQUEST(HttpStatus.BAD_REQUEST, "bad-request", "Bad request"),
  NOT_FOUND(HttpStatus.NOT_FOUND, "not-found", "Not found"),
  NOT_CLAIMABLE(HttpStatus.CONFLICT, "not-claimable", "Not claimable yet"),
  METHOD_NOT_ALLOWED(HttpStatus.METHOD_NOT_ALLOWED, "method-not-allowed", "Method not allowed"),
  NOT_ACCEPTABLE(HttpStatus.NOT_ACCEPTABLE, "not-acceptable", "Not acceptable"),
  RATE_LIMITED(HttpStatus.TOO_MANY_REQUESTS, "rate-limited", "Too many requests"),
  UNAVAILABLE(HttpStatus.SERVICE_UNAVAILABLE, "unavailable", "Not available yet"),
  INTERNAL(HttpStatus.INTERNAL_SERVER_ERROR, "internal", "Internal error");

  private final HttpStatus status;
  private final String slug;
  private final String title;

  ApiError(HttpStatus status, String slug, String title) {
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
