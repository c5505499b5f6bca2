package org.fedbridge.admin.auth;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.fedbridge.admin.api.AdminError;
import org.fedbridge.admin.api.AdminException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.servlet.HandlerExceptionResolver;

/**
 * Per-client rate limit: an authenticated request counts against its principal, anything else
 * (including a bad token) against the client's address. Probes and metrics are exempt. A refused
 * request answers 429 with {@code Retry-After}.
 */
final class RateLimitFilter extends OncePerRequestFilter {
  private final RateLimiter limiter;
  private final HandlerExceptionResolver problems;

  RateLimitFilter(RateLimiter limiter, HandlerExceptionResolver problems) {
    this.limiter = limiter;
    this.problems = problems;
  }

  @Override
  protected boolean shouldNotFilter(HttpServletRequest request) {
    return request.getRequestURI().startsWith("/actuator/");
  }

  @Override
  protected void doFilterInternal(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    Authentication auth = SecurityContextHolder.getContext().getAuthentication();
    String key =
        auth instanceof AdminAuthentication a
            ? "principal:" + a.getName()
            : "address:" + request.getRemoteAddr();
    long waitNanos = limiter.acquire(key);
    if (waitNanos > 0) {
      long seconds = Math.max(1, (waitNanos + 999_999_999L) / 1_000_000_000L);
      problems.resolveException(
          request,
          response,
          null,
          new AdminException(
              AdminError.RATE_LIMITED,
              "more than the allowed requests per second; retry in " + seconds + " s",
              seconds));
      return;
    }
    chain.doFilter(request, response);
  }
}
