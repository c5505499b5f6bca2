package org.fedbridge.validator.access;

import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/** Puts the operator token in front of every {@link OperatorOnly} controller. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(OperatorApiSettings.class)
class AccessConfiguration implements WebMvcConfigurer {
  private final OperatorAccessInterceptor interceptor;

  AccessConfiguration(OperatorApiSettings settings, MeterRegistry meters) {
    this.interceptor =
        new OperatorAccessInterceptor(OperatorToken.from(settings, System.getenv()), meters);
  }

  @Override
  public void addInterceptors(InterceptorRegistry registry) {
    registry.addInterceptor(interceptor);
  }
}
