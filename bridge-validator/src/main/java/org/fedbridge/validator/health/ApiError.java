package org.fedbridge.validator.health;

import org.springframework.http.HttpStatus;

/** Every error of the validator's REST API, answered as RFC 9457 problem details. */
enum ApiError {
  UNKNOWN_TYPE(
      HttpStatus.BAD_REQUEST,
      "unknown certificate type",
      "type must be deposit, withdrawal, epoch-change, token-config, pauser-update or unpause"),
  BAD_BATCH_ID(
      HttpStatus.BAD_REQUEST,
      "invalid batch id",
      "batch id must be a decimal integer in [0, 2^256)"),
  BAD_LIMIT(HttpStatus.BAD_REQUEST, "invalid limit", "limit must be between 1 and 1000"),
  NOT_FOUND(
      HttpStatus.NOT_FOUND, "no certificate", "this validator holds no certificate for that batch");

  final HttpStatus status;
  final String title;
  final String detail;

  ApiError(HttpStatus status, String title, String detail) {
    this.status = status;
    this.title = title;
    this.detail = detail;
  }

  ApiException exception() {
    return new ApiException(this);
  }

  static final class ApiException extends RuntimeException {
    final ApiError error;

    ApiException(ApiError error) {
      super(error.title, null, false, false);
      this.error = error;
    }
  }
}
