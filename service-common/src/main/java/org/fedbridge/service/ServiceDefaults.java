package org.fedbridge.service;

import java.io.IOException;
import java.io.UncheckedIOException;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.support.ResourcePropertySource;

/**
 * Adds {@code fedbridge-service-defaults.properties} as the lowest-precedence property source of
 * every service (actuator probes, Prometheus, JPA and Flyway settings), so that each service's own
 * {@code application.yml} holds only what is specific to it and can still override any default.
 */
public final class ServiceDefaults implements EnvironmentPostProcessor {
  static final String NAME = "fedbridge-service-defaults";

  @Override
  public void postProcessEnvironment(
      ConfigurableEnvironment environment, SpringApplication application) {
    if (environment.getPropertySources().contains(NAME)) {
      return;
    }
    try {
      environment
          .getPropertySources()
          .addLast(
              new ResourcePropertySource(
                  NAME, new ClassPathResource("fedbridge-service-defaults.properties")));
    } catch (IOException e) {
      throw new UncheckedIOException("fedbridge-service-defaults.properties is missing", e);
    }
  }
}
