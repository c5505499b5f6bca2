package org.fedbridge.admin.auth;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Optional;
import org.springframework.http.HttpHeaders;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Authenticates {@code Authorization: Bearer <token>}: first as one of the console's API tokens,
 * then (in JWT mode) as a JWT. A bad token leaves the request anonymous and marked, so the entry
 * point answers 401 "invalid credentials" rather than "authentication required"; the request is
 * still counted by the rate limit before that.
 */
final class BearerAuthenticationFilter extends OncePerRequestFilter {
  static final String INVALID = BearerAuthenticationFilter.class.getName() + ".INVALID";
  private static final String BEARER = "Bearer ";

  private final Principals principals;
  private final JwtAuthenticator jwt;

  BearerAuthenticationFilter(Principals principals, JwtAuthenticator jwt) {
    this.principals = principals;
    this.jwt = jwt;
  }

  @Override
  protected void doFilterInternal(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    String header = request.getHeader(HttpHeaders.AUTHORIZATION);
    if (header != null) {
      Optional<AdminPrincipal> principal = Optional.empty();
      if (header.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
        String token = header.substring(BEARER.length()).trim();
        principal = principals.authenticate(token);
        if (principal.isEmpty() && jwt != null && JwtAuthenticator.looksLikeJwt(token)) {
          principal = jwt.authenticate(token);
        }
      }
      if (principal.isPresent()) {
        SecurityContextHolder.getContext()
            .setAuthentication(new AdminAuthentication(principal.get()));
      } else {
        request.setAttribute(INVALID, Boolean.TRUE);
      }
    }
    chain.doFilter(request, response);
  }
}
