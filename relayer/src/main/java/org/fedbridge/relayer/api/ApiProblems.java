package org.fedbridge.relayer.api;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.ConstraintViolationException;
import org.fedbridge.service.problem.Problems;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ResponseEntity;
import org.springframework.web.ErrorResponse;
import org.springframework.web.HttpMediaTypeNotAcceptableException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import org.springframework.web.servlet.resource.NoResourceFoundException;

/**
 * The one place where the API's errors become RFC 9457 problem details ({@code
 * application/problem+json}) with a type from {@link ApiError}. Bad input is a 4xx that names the
 * parameter; nothing a client sends makes a 5xx, and an unexpected failure answers a generic 500
 * without internals (logged here).
 */
@RestControllerAdvice
class ApiProblems extends ResponseEntityExceptionHandler {
  private static final Logger log = LoggerFactory.getLogger(ApiProblems.class);

  @ExceptionHandler(ApiException.class)
  ResponseEntity<Object> api(ApiException e, HttpServletRequest request) {
    HttpHeaders headers = new HttpHeaders();
    if (e.retryAfterSeconds() > 0) {
      headers.set(HttpHeaders.RETRY_AFTER, Long.toString(e.retryAfterSeconds()));
    }
    return respond(e.error(), e.getMessage(), headers, request);
  }

  @ExceptionHandler(ConstraintViolationException.class)
  ResponseEntity<Object> constraint(ConstraintViolationException e, HttpServletRequest request) {
    String detail = Problems.violations(e);
    return respond(errorFor(detail), detail, new HttpHeaders(), request);
  }

  @ExceptionHandler(Exception.class)
  ResponseEntity<Object> unexpected(Exception e, HttpServletRequest request) {
    if (e instanceof ErrorResponse known) {
      // Spring's own (e.g. an async request timing out) keep their status.
      return respond(
          known.getStatusCode().is4xxClientError() ? ApiError.BAD_REQUEST : ApiError.UNAVAILABLE,
          known.getBody().getDetail(),
          new HttpHeaders(),
          request);
    }
    if (e instanceof org.springframework.transaction.CannotCreateTransactionException
        || e instanceof org.springframework.dao.TransientDataAccessException) {
      // Overloaded or the database is away for a moment: say so, and when to come back.
      HttpHeaders retry = new HttpHeaders();
      retry.set(HttpHeaders.RETRY_AFTER, "1");
      return respond(ApiError.UNAVAILABLE, "the relayer is busy; retry shortly", retry, request);
    }
    log.error("unexpected failure answering {}", request.getRequestURI(), e);
    return respond(
        ApiError.INTERNAL, "the relayer failed to answer; try again", new HttpHeaders(), request);
  }

  @Override
  protected ResponseEntity<Object> handleHandlerMethodValidationException(
      HandlerMethodValidationException e,
      HttpHeaders headers,
      HttpStatusCode status,
      WebRequest request) {
    String detail = Problems.parameterErrors(e);
    return respond(errorFor(detail), detail, new HttpHeaders(), request);
  }

  @Override
  protected ResponseEntity<Object> handleExceptionInternal(
      Exception e, Object body, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
    ApiError error;
    if (e instanceof NoResourceFoundException) {
      error = ApiError.NOT_FOUND;
    } else if (e instanceof HttpRequestMethodNotSupportedException) {
      error = ApiError.METHOD_NOT_ALLOWED;
    } else if (e instanceof HttpMediaTypeNotAcceptableException) {
      error = ApiError.NOT_ACCEPTABLE;
    } else {
      error = status.is5xxServerError() ? ApiError.INTERNAL : ApiError.BAD_REQUEST;
    }
    String detail =
        e instanceof MethodArgumentTypeMismatchException m
            ? m.getName() + ": not a valid value"
            : e instanceof ErrorResponse r ? r.getBody().getDetail() : "bad request";
    if (e instanceof MethodArgumentTypeMismatchException m
        && (m.getName().equals("page") || m.getName().equals("size"))) {
      error = ApiError.INVALID_PAGE;
    }
    return respond(error, detail, Problems.allowOnly(headers), request);
  }

  private static ApiError errorFor(String detail) {
    if (detail.startsWith("hash")) {
      return ApiError.INVALID_HASH;
    }
    if (detail.startsWith("address")) {
      return ApiError.INVALID_ADDRESS;
    }
    if (detail.startsWith("nonce")) {
      return ApiError.INVALID_NONCE;
    }
    if (detail.startsWith("page") || detail.startsWith("size")) {
      return ApiError.INVALID_PAGE;
    }
    return ApiError.BAD_REQUEST;
  }

  private static ResponseEntity<Object> respond(
      ApiError error, String detail, HttpHeaders headers, Object request) {
    return Problems.respond(error, detail, headers, request);
  }
}
