package org.fedbridge.admin.api;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.ConstraintViolationException;
import java.util.stream.Collectors;
import org.fedbridge.service.problem.Problems;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.web.ErrorResponse;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import org.springframework.web.servlet.resource.NoResourceFoundException;

/**
 * The one place where errors become RFC 9457 problem details ({@code application/problem+json},
 * type from {@link AdminError}): the controllers' refusals, bad input, and also what the security
 * filters refuse (no or bad credentials, a missing role, the rate limit), which they route here
 * through Spring's {@code HandlerExceptionResolver}. Client input never causes a 5xx; an unexpected
 * failure answers a generic 500 without internals and is logged here. Request bodies are never
 * echoed (they may hold tokens).
 */
@RestControllerAdvice
class ApiProblems extends ResponseEntityExceptionHandler {
  private static final Logger log = LoggerFactory.getLogger(ApiProblems.class);

  @ExceptionHandler(AdminException.class)
  ResponseEntity<Object> refused(AdminException e, HttpServletRequest request) {
    HttpHeaders headers = new HttpHeaders();
    if (e.retryAfterSeconds() > 0) {
      headers.set(HttpHeaders.RETRY_AFTER, Long.toString(e.retryAfterSeconds()));
    }
    if (e.error().status().value() == 401) {
      headers.set(HttpHeaders.WWW_AUTHENTICATE, "Bearer");
    }
    return respond(e.error(), e.getMessage(), headers, request);
  }

  @ExceptionHandler(AuthenticationException.class)
  ResponseEntity<Object> unauthenticated(AuthenticationException e, HttpServletRequest request) {
    AdminError error =
        e instanceof BadCredentialsException
            ? AdminError.INVALID_CREDENTIALS
            : AdminError.UNAUTHENTICATED;
    String detail =
        error == AdminError.INVALID_CREDENTIALS
            ? "the bearer token is not valid (unknown, expired or revoked)"
            : "send Authorization: Bearer <token>";
    HttpHeaders headers = new HttpHeaders();
    headers.set(HttpHeaders.WWW_AUTHENTICATE, "Bearer");
    return respond(error, detail, headers, request);
  }

  @ExceptionHandler(AccessDeniedException.class)
  ResponseEntity<Object> forbidden(AccessDeniedException e, HttpServletRequest request) {
    return respond(
        AdminError.FORBIDDEN,
        "your roles do not allow " + request.getMethod() + " " + request.getRequestURI(),
        new HttpHeaders(),
        request);
  }

  @ExceptionHandler(org.fedbridge.admin.chain.ChainException.class)
  ResponseEntity<Object> chain(
      org.fedbridge.admin.chain.ChainException e, HttpServletRequest request) {
    return respond(AdminError.CHAIN_UNAVAILABLE, e.getMessage(), new HttpHeaders(), request);
  }

  @ExceptionHandler(ConstraintViolationException.class)
  ResponseEntity<Object> constraint(ConstraintViolationException e, HttpServletRequest request) {
    return respond(AdminError.INVALID_FIELD, Problems.violations(e), new HttpHeaders(), request);
  }

  @ExceptionHandler(Exception.class)
  ResponseEntity<Object> unexpected(Exception e, HttpServletRequest request) {
    log.error(
        "unexpected failure answering {} {}", request.getMethod(), request.getRequestURI(), e);
    return respond(
        AdminError.INTERNAL,
        "the admin console failed to answer; see its log",
        new HttpHeaders(),
        request);
  }

  @Override
  protected ResponseEntity<Object> handleMethodArgumentNotValid(
      MethodArgumentNotValidException e,
      HttpHeaders headers,
      HttpStatusCode status,
      WebRequest request) {
    String detail =
        e.getBindingResult().getFieldErrors().stream()
            .map(f -> f.getField() + ": " + f.getDefaultMessage())
            .sorted()
            .collect(Collectors.joining("; "));
    if (detail.isEmpty()) {
      detail = "invalid request body";
    }
    return respond(AdminError.INVALID_FIELD, detail, new HttpHeaders(), request);
  }

  @Override
  protected ResponseEntity<Object> handleHandlerMethodValidationException(
      HandlerMethodValidationException e,
      HttpHeaders headers,
      HttpStatusCode status,
      WebRequest request) {
    return respond(
        AdminError.INVALID_FIELD, Problems.parameterErrors(e), new HttpHeaders(), request);
  }

  @Override
  protected ResponseEntity<Object> handleExceptionInternal(
      Exception e, Object body, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
    AdminError error;
    String detail;
    if (e instanceof NoResourceFoundException) {
      error = AdminError.NOT_FOUND;
      detail = "no such resource";
    } else if (e instanceof HttpRequestMethodNotSupportedException m) {
      error = AdminError.METHOD_NOT_ALLOWED;
      detail = m.getMethod() + " is not supported here";
    } else if (e instanceof HttpMediaTypeNotSupportedException) {
      error = AdminError.UNSUPPORTED_MEDIA_TYPE;
      detail = "the body must be application/json";
    } else if (e instanceof HttpMessageNotReadableException) {
      error = AdminError.BAD_REQUEST;
      detail = "the body is not valid JSON of the expected shape";
    } else if (e instanceof MethodArgumentTypeMismatchException m) {
      error = AdminError.INVALID_FIELD;
      detail = m.getName() + ": not a valid value";
    } else if (e instanceof MissingServletRequestParameterException m) {
      error = AdminError.INVALID_FIELD;
      detail = m.getParameterName() + ": is required";
    } else if (status.is5xxServerError()) {
      error = AdminError.INTERNAL;
      detail = "the admin console failed to answer; see its log";
    } else {
      error = AdminError.BAD_REQUEST;
      detail = e instanceof ErrorResponse r ? r.getBody().getDetail() : "bad request";
    }
    return respond(error, detail, Problems.allowOnly(headers), request);
  }

  private static ResponseEntity<Object> respond(
      AdminError error, String detail, HttpHeaders headers, Object request) {
    return Problems.respond(error, detail, headers, request);
  }
}
