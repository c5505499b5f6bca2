package org.fedbridge.admin.auth;

import jakarta.servlet.http.HttpServletRequest;
import java.util.Set;
import org.fedbridge.admin.AdminProperties;
import org.fedbridge.admin.audit.AuditLog;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.AnonymousAuthenticationFilter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;
import org.springframework.web.servlet.HandlerExceptionResolver;

/**
 * Who may call what: the whole authorisation matrix in one place (AuthorizationMatrixTest checks
 * every row with every role).
 *
 * <p>SECURITY: the console is stateless and authenticates only by {@code Authorization: Bearer}: no
 * session, no cookie, no basic or form login. A browser never attaches such a header by itself, so
 * a cross-site request carries no credentials and CSRF has nothing to ride on; that is why CSRF
 * tokens are off. The web page keeps the token in {@code sessionStorage} and a strict Content
 * Security Policy (scripts from this origin only, no inline script, no framing) guards it.
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {
  static final Set<String> MUTATING = Set.of("POST", "PUT", "PATCH", "DELETE");
  static final String CSP =
      "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:;"
          + " connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'none';"
          + " frame-ancestors 'none'";

  @Bean
  SecurityFilterChain adminSecurity(
      HttpSecurity http,
      Principals principals,
      AuditLog audit,
      AdminProperties properties,
      @Qualifier("handlerExceptionResolver") HandlerExceptionResolver problems)
      throws Exception {
    JwtAuthenticator jwt =
        properties.auth().jwt().enabled() ? new JwtAuthenticator(properties.auth().jwt()) : null;
    BearerAuthenticationFilter bearer = new BearerAuthenticationFilter(principals, jwt);
    RateLimitFilter rateLimit =
        new RateLimitFilter(
            new RateLimiter(
                properties.rateLimit().perSecond(),
                properties.rateLimit().burst(),
                System::nanoTime),
            problems);
    http.csrf(AbstractHttpConfigurer::disable)
        .cors(AbstractHttpConfigurer::disable)
        .httpBasic(AbstractHttpConfigurer::disable)
        .formLogin(AbstractHttpConfigurer::disable)
        .logout(AbstractHttpConfigurer::disable)
        .requestCache(AbstractHttpConfigurer::disable)
        .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
        .headers(
            h ->
                h.contentSecurityPolicy(c -> c.policyDirectives(CSP))
                    .frameOptions(f -> f.deny())
                    .referrerPolicy(
                        r -> r.policy(ReferrerPolicyHeaderWriter.ReferrerPolicy.NO_REFERRER)))
        .addFilterBefore(bearer, AnonymousAuthenticationFilter.class)
        .addFilterAfter(rateLimit, BearerAuthenticationFilter.class)
        .exceptionHandling(
            e ->
                e.authenticationEntryPoint(
                        (request, response, failure) ->
                            problems.resolveException(
                                request,
                                response,
                                null,
                                request.getAttribute(BearerAuthenticationFilter.INVALID) != null
                                    ? new BadCredentialsException("invalid bearer token")
                                    : failure))
                    .accessDeniedHandler(
                        (request, response, denied) -> {
                          auditRefusal(audit, request);
                          problems.resolveException(request, response, null, denied);
                        }))
        .authorizeHttpRequests(
            a ->
                a
                    // The web console's static files, probes and the API description.
                    .requestMatchers(
                        HttpMethod.GET, "/", "/index.html", "/console/**", "/favicon.ico")
                    .permitAll()
                    .requestMatchers(
                        HttpMethod.GET,
                        "/actuator/health",
                        "/actuator/health/**",
                        "/actuator/prometheus",
                        "/actuator/info")
                    .permitAll()
                    .requestMatchers(HttpMethod.GET, "/v3/api-docs", "/v3/api-docs/**")
                    .permitAll()
                    .requestMatchers("/error")
                    .permitAll()
                    // Any authenticated principal: itself and its own tokens.
                    .requestMatchers("/api/me", "/api/me/**")
                    .authenticated()
                    // ADMIN: principals, proposals and their approvals, the audit export, giving up
                    // a rotation.
                    .requestMatchers("/api/principals", "/api/principals/**")
                    .hasRole("ADMIN")
                    .requestMatchers(HttpMethod.POST, "/api/proposals", "/api/proposals/**")
                    .hasRole("ADMIN")
                    .requestMatchers(HttpMethod.GET, "/api/audit/export")
                    .hasRole("ADMIN")
                    .requestMatchers(HttpMethod.POST, "/api/federation/rotation/abandon")
                    .hasRole("ADMIN")
                    // PAUSER: pause and revoke a root with the pauser key.
                    .requestMatchers(HttpMethod.POST, "/api/pause", "/api/watchtower/revocations")
                    .hasRole("PAUSER")
                    // OPERATOR: the audit log's entries, reconciliation on demand.
                    .requestMatchers(HttpMethod.GET, "/api/audit")
                    .hasRole("OPERATOR")
                    .requestMatchers(HttpMethod.POST, "/api/reconciliation/run")
                    .hasRole("OPERATOR")
                    // VIEWER: every other read.
                    .requestMatchers(HttpMethod.GET, "/api/**")
                    .hasRole("VIEWER")
                    .anyRequest()
                    .denyAll());
    return http.build();
  }

  /** A mutation refused for lack of a role is recorded (who tried what). */
  private static void auditRefusal(AuditLog audit, HttpServletRequest request) {
    Authentication auth = SecurityContextHolder.getContext().getAuthentication();
    if (auth instanceof AdminAuthentication a && MUTATING.contains(request.getMethod())) {
      String path = request.getRequestURI();
      audit.recordRefusal(
          a.getName(),
          "access.denied",
          path.length() > 256 ? path.substring(0, 256) : path,
          request.getMethod() + " needs a role " + a.getName() + " does not hold");
    }
  }
}
