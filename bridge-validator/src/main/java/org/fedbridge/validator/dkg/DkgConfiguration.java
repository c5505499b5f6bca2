package org.fedbridge.validator.dkg;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Clock;
import javax.sql.DataSource;
import org.fedbridge.validator.keys.Identities;
import org.fedbridge.validator.keys.KeyDirectory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/** The DKG feature: its store, metrics and service (in the service and in the dkg command). */
@Configuration(proxyBeanMethods = false)
public class DkgConfiguration {

  @Bean
  DkgService dkgService(
      DataSource dataSource,
      PlatformTransactionManager transactions,
      DkgWiring wiring,
      KeyDirectory keys,
      Identities identities,
      ObjectProvider<MeterRegistry> registry,
      ObjectProvider<Clock> clock) {
    return new DkgService(
        new DkgStore(JdbcClient.create(dataSource), new TransactionTemplate(transactions)),
        wiring,
        keys,
        identities,
        new DkgMetrics(registry.getIfAvailable(SimpleMeterRegistry::new)),
        clock.getIfAvailable(Clock::systemUTC));
  }
}
