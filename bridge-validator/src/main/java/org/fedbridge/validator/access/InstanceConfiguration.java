package org.fedbridge.validator.access;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

/**
 * Takes the {@link SingleInstanceLock} as soon as the database exists, before Flyway, the DKG or
 * any feature touches it; checks it every few seconds for the life of the process.
 */
@Configuration(proxyBeanMethods = false)
public class InstanceConfiguration {

  /** Static: a post-processor must exist before the beans it sees. */
  @Bean
  static InstanceGuard singleInstanceGuard(Environment environment) {
    return new InstanceGuard(environment);
  }

  /** Locks on the first DataSource the context initialises. */
  static final class InstanceGuard implements BeanPostProcessor, DisposableBean {
    private static final Logger log = LoggerFactory.getLogger(InstanceGuard.class);
    static final Duration CHECK_INTERVAL = Duration.ofSeconds(5);

    private final Environment environment;
    private SingleInstanceLock lock;
    private ScheduledExecutorService checker;

    InstanceGuard(Environment environment) {
      this.environment = environment;
    }

    @Override
    public synchronized Object postProcessAfterInitialization(Object bean, String name) {
      if (bean instanceof DataSource dataSource && lock == null) {
        String schema = environment.getProperty("spring.flyway.default-schema", "validator");
        String operatorId = environment.getProperty("bridge.validator.operator-id", "");
        lock = SingleInstanceLock.acquire(dataSource, schema, operatorId);
        checker =
            Executors.newSingleThreadScheduledExecutor(
                r -> {
                  Thread t = new Thread(r, "single-instance-lock");
                  t.setDaemon(true);
                  return t;
                });
        checker.scheduleWithFixedDelay(
            this::check,
            CHECK_INTERVAL.toMillis(),
            CHECK_INTERVAL.toMillis(),
            TimeUnit.MILLISECONDS);
      }
      return bean;
    }

    private void check() {
      try {
        lock.check();
      } catch (SingleInstanceLock.HeldElsewhereException e) {
        // SECURITY: another process took this share's lock while our session was gone; both must
        // not sign. Stop at once; the operator finds the other process.
        log.error("{}; stopping this process", e.getMessage());
        Runtime.getRuntime().halt(3);
      } catch (RuntimeException e) {
        // The database is unreachable: nothing can be signed without it; try again later.
        log.warn("single-instance lock: {}", e.getMessage());
      }
    }

    @Override
    public synchronized void destroy() {
      if (checker != null) {
        checker.shutdownNow();
      }
      if (lock != null) {
        lock.close();
      }
    }
  }
}
