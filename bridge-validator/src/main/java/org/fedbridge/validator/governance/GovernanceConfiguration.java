package org.fedbridge.validator.governance;

import java.time.Clock;
import okhttp3.OkHttpClient;
import org.fedbridge.core.dkg.IdentityPublicKey;
import org.fedbridge.core.types.Address;
import org.fedbridge.core.types.Hex;
import org.fedbridge.validator.ValidatorProperties;
import org.fedbridge.validator.dkg.DkgService;
import org.fedbridge.validator.keys.Identities;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;
import org.web3j.protocol.Web3j;
import org.web3j.protocol.http.HttpService;

/**
 * The hand-overs, token configurations, pauser updates and unpauses are always there (without
 * governance records there is nothing to hand over). The governance feed runs only when the admin
 * console's governance key is configured ({@code bridge.validator.governance.key}); without it no
 * record on {@code bridge.governance} is read.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(GovernanceSettings.class)
class GovernanceConfiguration {

  @Bean
  @ConditionalOnProperty("bridge.validator.governance.key")
  org.fedbridge.service.TopicSpec governanceTopic(GovernanceSettings settings) {
    return new org.fedbridge.service.TopicSpec(settings.topic(), 1, false);
  }

  /** What the signing pipeline and the consensus read as the hand-over to the next epoch. */
  @Bean
  Handovers handovers(DkgService dkg, JdbcClient jdbc, ValidatorProperties properties) {
    return new Handovers(
        dkg,
        jdbc,
        properties.l1().chainId(),
        Address.fromHex(properties.l1().vault()),
        properties.sidechain().chainId());
  }

  /** Its own L1 client (no {@code Web3j} bean: other features may want their own). */
  @Bean
  VaultGovernanceNonce vaultGovernanceNonce(ValidatorProperties properties) {
    OkHttpClient http = new OkHttpClient.Builder().callTimeout(properties.l1().timeout()).build();
    return new VaultGovernanceNonce(
        Web3j.build(new HttpService(properties.l1().rpcUrl().toString(), http)),
        properties.l1().vault());
  }

  /** What the signing pipeline and the consensus read as the token configuration to certify. */
  @Bean
  TokenConfigs tokenConfigs(JdbcClient jdbc, VaultGovernanceNonce nonce) {
    return new TokenConfigs(jdbc, nonce);
  }

  /**
   * What the signing pipeline and the consensus read as the pauser update or unpause to certify.
   */
  @Bean
  PauseGovernance pauseGovernance(JdbcClient jdbc, VaultGovernanceNonce vault) {
    return new PauseGovernance(jdbc, vault);
  }

  @Bean
  @ConditionalOnProperty("bridge.validator.governance.key")
  GovernanceFeed governanceFeed(
      GovernanceSettings settings,
      ValidatorProperties properties,
      Identities identities,
      DkgService dkg,
      JdbcClient jdbc,
      TransactionTemplate tx,
      Clock clock) {
    GovernanceRules rules =
        new GovernanceRules(
            new IdentityPublicKey(Hex.decode(settings.key())),
            properties.l1().chainId(),
            Address.fromHex(properties.l1().vault()),
            properties.sidechain().chainId(),
            identities.all().stream().map(k -> k.identity().publicKey()).toList());
    return new GovernanceFeed(rules, dkg, jdbc, tx, properties.kafka(), settings, clock);
  }
}
