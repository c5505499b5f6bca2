package org.fedbridge.relayer.api;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Clock;
import java.util.List;
import org.fedbridge.relayer.RelayerProperties;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.config.annotation.CorsRegistry;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/** Per-client rate limiting and CORS for the user API ({@code /api/**}). */
@Configuration(proxyBeanMethods = false)
class WebConfiguration implements WebMvcConfigurer {
  private final RelayerProperties.Api api;
  private final RateLimiter limiter;
  private final Clock clock;

  WebConfiguration(RelayerProperties properties, Clock clock) {
    this.api = properties.api();
    this.limiter =
        new RateLimiter(
            api.rateLimit().requestsPerSecond(),
            api.rateLimit().burst(),
            api.rateLimit().maxClients());
    this.clock = clock;
  }

  @Override
  public void addInterceptors(InterceptorRegistry registry) {
    registry
        .addInterceptor(
            new HandlerInterceptor() {
              @Override
              public boolean preHandle(
                  HttpServletRequest request, HttpServletResponse response, Object handler) {
                if ("OPTIONS".equals(request.getMethod())) {
                  return true; // CORS preflight
                }
                long wait = limiter.acquire(client(request), clock.millis());
                if (wait > 0) {
                  throw new ApiException(
                      ApiError.RATE_LIMITED,
                      "more than "
                          + api.rateLimit().requestsPerSecond()
                          + " requests per second from one client; retry after "
                          + wait
                          + " s",
                      wait);
                }
                return true;
              }
            })
        .addPathPatterns("/api/**");
  }

  @Override
  public void addCorsMappings(CorsRegistry registry) {
    List<String> origins = api.corsAllowedOrigins();
    if (origins.isEmpty()) {
      return; // same-origin only
    }
    registry
        .addMapping("/api/**")
        .allowedOrigins(origins.toArray(String[]::new))
        .allowedMethods("GET", "HEAD", "OPTIONS")
        .exposedHeaders("Retry-After")
        .allowCredentials(false)
        .maxAge(3600);
  }

  private String client(HttpServletRequest request) {
    if (api.trustForwardedFor()) {
      String forwarded = request.getHeader("X-Forwarded-For");
      if (forwarded != null && !forwarded.isBlank()) {
        return forwarded.split(",")[0].trim();
      }
    }
    return request.getRemoteAddr();
  }
}
