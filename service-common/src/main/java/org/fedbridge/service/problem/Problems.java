package org.fedbridge.service.problem;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.ConstraintViolationException;
import java.net.URI;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.context.request.ServletWebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;

/**
 * How every service writes an RFC 9457 problem detail ({@code application/problem+json}) and words
 * Spring's validation failures, so that the relayer's and the admin console's answers agree. Each
 * service's one advice class decides which of its {@link ProblemType}s a failure is.
 */
public final class Problems {
  private Problems() {}

  /** The response for {@code error}; {@code request} gives the instance when its path is plain. */
  public static ResponseEntity<Object> respond(
      ProblemType error, String detail, HttpHeaders headers, Object request) {
    return ResponseEntity.status(error.status())
        .headers(headers)
        .contentType(MediaType.APPLICATION_PROBLEM_JSON)
        .body(problem(error, detail, path(request)));
  }

  /** The problem detail itself (for filters that write the body on their own). */
  public static ProblemDetail problem(ProblemType error, String detail, String instance) {
    ProblemDetail p = ProblemDetail.forStatusAndDetail(error.status(), detail);
    p.setType(error.type());
    p.setTitle(error.title());
    String safe = safePath(instance);
    if (safe != null) {
      p.setInstance(URI.create(safe));
    }
    return p;
  }

  /** "field: message; …", sorted, for constraint violations on request parameters. */
  public static String violations(ConstraintViolationException e) {
    return joined(
        e.getConstraintViolations().stream()
            .map(v -> leaf(v.getPropertyPath().toString()) + ": " + v.getMessage()));
  }

  /** "parameter: message; …", sorted, for a handler method's parameter validation. */
  public static String parameterErrors(HandlerMethodValidationException e) {
    return joined(
        e.getParameterValidationResults().stream()
            .flatMap(
                r ->
                    r.getResolvableErrors().stream()
                        .map(
                            err ->
                                r.getMethodParameter().getParameterName()
                                    + ": "
                                    + err.getDefaultMessage())));
  }

  /** Only the {@code Allow} header of what Spring prepared (the rest is ours to set). */
  public static HttpHeaders allowOnly(HttpHeaders prepared) {
    HttpHeaders out = new HttpHeaders();
    if (prepared != null && prepared.getAllow() != null && !prepared.getAllow().isEmpty()) {
      out.setAllow(prepared.getAllow());
    }
    return out;
  }

  private static String joined(Stream<String> parts) {
    String text = parts.sorted().collect(Collectors.joining("; "));
    return text.isEmpty() ? "invalid request" : text;
  }

  private static String path(Object request) {
    if (request instanceof HttpServletRequest r) {
      return r.getRequestURI();
    }
    return request instanceof ServletWebRequest w ? w.getRequest().getRequestURI() : null;
  }

  /** The request path as the problem's instance, only if it is a plain path (never echo junk). */
  private static String safePath(String path) {
    return path != null && path.matches("[A-Za-z0-9/._~-]{1,200}") ? path : null;
  }

  private static String leaf(String path) {
    int dot = path.lastIndexOf('.');
    return dot < 0 ? path : path.substring(dot + 1);
  }
}
