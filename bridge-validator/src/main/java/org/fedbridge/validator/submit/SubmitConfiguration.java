package org.fedbridge.validator.submit;

import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.util.Optional;
import javax.sql.DataSource;
import org.fedbridge.validator.ValidatorProperties;
import org.fedbridge.validator.consensus.CertificateBook;
import org.fedbridge.validator.federation.Federations;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(
    name = "bridge.validator.submit.enabled",
    havingValue = "true",
    matchIfMissing = true)
class SubmitConfiguration {

  @Bean
  DepositSubmitter depositSubmitter(
      CertificateBook book,
      DataSource dataSource,
      ObjectProvider<Clock> clock,
      ObjectProvider<Federations> federations,
      ValidatorProperties properties,
      MeterRegistry registry) {
    var s = properties.submit();
    return new DepositSubmitter(
        book,
        new SubmitStore(JdbcClient.create(dataSource)),
        new SidechainClient(properties.sidechain().rpcUrl(), s.timeout()),
        new TransactionTemplate(new DataSourceTransactionManager(dataSource)),
        clock.getIfAvailable(Clock::systemUTC),
        s.othersDelay(),
        c ->
            Optional.ofNullable(federations.getIfAvailable())
                .flatMap(f -> f.epoch(c.key().epoch()))
                .map(view -> SubmitTurn.mine(view, c.key().batchId()))
                .orElse(c.combinedHere()),
        s.minBackoff(),
        s.maxBackoff(),
        registry);
  }
}
