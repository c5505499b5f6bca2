package org.fedbridge.service;

import java.util.Map;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.context.event.ApplicationEnvironmentPreparedEvent;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.bind.validation.ValidationBindHandler;
import org.springframework.context.ApplicationListener;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.validation.beanvalidation.LocalValidatorFactoryBean;

/**
 * Starts a bridge service. Its settings are validated before anything connects anywhere; if the
 * service cannot start, one line naming the problem goes to stderr and the process exits with
 * status {@value #STARTUP_FAILED}, instead of Spring's multi-screen report.
 */
public final class ServiceLauncher {
  /** Exit status for a service that could not start. */
  public static final int STARTUP_FAILED = 1;

  private ServiceLauncher() {}

  /**
   * @param application the {@code @SpringBootApplication} class
   * @param serviceName the name operators know the service by, first word of the failure line
   * @param settings the service's {@code @ConfigurationProperties} record, validated up front
   */
  public static ConfigurableApplicationContext run(
      Class<?> application, String serviceName, Class<?> settings, String[] args) {
    SpringApplication spring = new SpringApplication(application);
    spring.setDefaultProperties(
        Map.of(
            // Our one line replaces Spring's failure analysis report and stack trace.
            "logging.level.org.springframework.boot.diagnostics.LoggingFailureAnalysisReporter",
            "off",
            "logging.level.org.springframework.boot.SpringApplication",
            "off",
            "logging.level.org.springframework.boot.autoconfigure.logging.ConditionEvaluationReportLogger",
            "off"));
    spring.addListeners(
        (ApplicationListener<ApplicationEnvironmentPreparedEvent>)
            event -> validateSettings(event.getEnvironment(), settings));
    try {
      return spring.run(args);
    } catch (Throwable failure) {
      System.err.println(serviceName + ": failed to start: " + StartupFailure.describe(failure));
      System.exit(STARTUP_FAILED);
      throw new IllegalStateException("unreachable", failure);
    }
  }

  /**
   * Binds and validates the settings record and checks the datasource URL, so that a bad setting is
   * reported as such rather than as whatever fails first because of it.
   */
  static void validateSettings(ConfigurableEnvironment environment, Class<?> settings) {
    ConfigurationProperties annotation = settings.getAnnotation(ConfigurationProperties.class);
    if (annotation == null) {
      throw new IllegalArgumentException(settings + " is not a @ConfigurationProperties type");
    }
    String prefix = annotation.value().isEmpty() ? annotation.prefix() : annotation.value();
    try (LocalValidatorFactoryBean validator = new LocalValidatorFactoryBean()) {
      validator.afterPropertiesSet();
      Binder.get(environment)
          .bindOrCreate(prefix, Bindable.of(settings), new ValidationBindHandler(validator));
    }
    String url = environment.getProperty("spring.datasource.url");
    if (url == null || url.isBlank()) {
      throw new MissingSettingException(
          "spring.datasource.url", "the JDBC URL of the service's PostgreSQL database");
    }
  }

  /** A required setting that is absent. */
  static final class MissingSettingException extends IllegalStateException {
    MissingSettingException(String setting, String what) {
      super("missing setting " + setting + " (" + what + ")");
    }
  }
}
