package org.fedbridge.validator.access;

import io.micrometer.core.instrument.MeterRegistry;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerInterceptor;

/**
 * Lets a request reach an {@link OperatorOnly} controller only with the operator token; anything
 * else gets a 401 (or 403 when no token is configured) problem and never reaches the handler.
 */
final class OperatorAccessInterceptor implements HandlerInterceptor {
  private static final Logger log = LoggerFactory.getLogger(OperatorAccessInterceptor.class);
  private static final String BEARER = "Bearer ";

  private final OperatorToken token;
  private final MeterRegistry meters;

  OperatorAccessInterceptor(OperatorToken token, MeterRegistry meters) {
    this.token = token;
    this.meters = meters;
  }

  @Override
  public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler)
      throws IOException {
    if (!(handler instanceof HandlerMethod method)
        || !method.getBeanType().isAnnotationPresent(OperatorOnly.class)) {
      return true;
    }
    // SECURITY: import of signing protection and resume after a halt change what this member
    // signs; only its operator may call them (threats: a hostile party on the pod network).
    if (!token.configured()) {
      return refuse(
          request,
          response,
          HttpServletResponse.SC_FORBIDDEN,
          "disabled",
          "operator endpoints are disabled: no operator token is configured"
              + " (bridge.validator.operator-api.token-file, -env or -sha256)");
    }
    String header = request.getHeader(HttpHeaders.AUTHORIZATION);
    if (header == null || !header.startsWith(BEARER)) {
      return refuse(
          request,
          response,
          HttpServletResponse.SC_UNAUTHORIZED,
          "missing",
          "the operator token is required (Authorization: Bearer <token>)");
    }
    if (!token.matches(header.substring(BEARER.length()))) {
      return refuse(
          request,
          response,
          HttpServletResponse.SC_UNAUTHORIZED,
          "wrong",
          "the operator token is not valid");
    }
    return true;
  }

  private boolean refuse(
      HttpServletRequest request,
      HttpServletResponse response,
      int status,
      String reason,
      String detail)
      throws IOException {
    meters.counter("fedbridge.validator.operator.api.refused", "reason", reason).increment();
    log.warn(
        "operator API: {} {} from {} refused ({})",
        request.getMethod(),
        request.getRequestURI(),
        request.getRemoteAddr(),
        reason);
    response.setStatus(status);
    if (status == HttpServletResponse.SC_UNAUTHORIZED) {
      response.setHeader(HttpHeaders.WWW_AUTHENTICATE, "Bearer realm=\"fedbridge-validator\"");
    }
    response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
    String code =
        status == HttpServletResponse.SC_FORBIDDEN ? "OPERATOR_API_DISABLED" : "UNAUTHORIZED";
    String title = status == HttpServletResponse.SC_FORBIDDEN ? "Forbidden" : "Unauthorized";
    response
        .getOutputStream()
        .write(
            ("{\"type\":\"urn:fedbridge:validator:access:"
                    + code
                    + "\",\"title\":\""
                    + title
                    + "\",\"status\":"
                    + status
                    + ",\"detail\":\""
                    + detail
                    + "\",\"code\":\""
                    + code
                    + "\"}")
                .getBytes(StandardCharsets.UTF_8));
    return false;
  }
}
