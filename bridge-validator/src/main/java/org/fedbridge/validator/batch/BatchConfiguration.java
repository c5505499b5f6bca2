package org.fedbridge.validator.batch;

import java.time.Clock;
import javax.sql.DataSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The batch store: one PostgreSQL schema behind the three faces of this feature. */
@Configuration(proxyBeanMethods = false)
public class BatchConfiguration {

  /** For code outside Spring (tests, tools): the store's faces over one data source. */
  public record Store(Batches batches, Observations observations, BatchQueue queue) {
    public static Store over(DataSource dataSource, Clock clock) {
      JdbcBatches batches = new JdbcBatches(dataSource);
      return new Store(batches, new JdbcObservations(dataSource, clock), batches);
    }
  }

  @Bean
  JdbcBatches batches(DataSource dataSource) {
    return new JdbcBatches(dataSource);
  }

  @Bean
  JdbcObservations observations(DataSource dataSource, Clock clock) {
    return new JdbcObservations(dataSource, clock);
  }
}
