package org.fedbridge.validator.signing;

import org.springframework.http.HttpStatus;

/** Every error of the signing admin API (returned as RFC 9457 problem details). */
enum SigningApiError {
  /** The body is not a signing-protection interchange document of this format. */
  MALFORMED_INTERCHANGE(HttpStatus.BAD_REQUEST, "malformed signing-protection interchange"),
  /** The file was exported for another chain, vault, sidechain or operator. */
  OTHER_DEPLOYMENT(HttpStatus.BAD_REQUEST, "interchange is for another deployment or operator"),
  /** The file has more records than this validator accepts in one import. */
  TOO_MANY_RECORDS(HttpStatus.PAYLOAD_TOO_LARGE, "too many records in one import"),
  /** A record names a digest other than the one already recorded for its key. */
  CONFLICTING_RECORDS(HttpStatus.CONFLICT, "interchange conflicts with recorded signatures");

  private final HttpStatus status;
  private final String title;

  SigningApiError(HttpStatus status, String title) {
    this.status = status;
    this.title = title;
  }

  HttpStatus status() {
    return status;
  }

  String title() {
    return title;
  }
}
