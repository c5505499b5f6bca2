package org.fedbridge.validator.federation;

import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.fedbridge.core.types.Address;
import org.fedbridge.validator.ValidatorProperties;
import org.fedbridge.validator.dkg.DkgService;
import org.fedbridge.validator.keys.KeyDirectory;
import org.fedbridge.validator.keys.ListedIdentity;
import org.fedbridge.validator.keys.Signer;
import org.fedbridge.validator.keys.Signers;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.web3j.protocol.Web3j;
import org.web3j.protocol.http.HttpService;

/**
 * The federation feature: the epochs read from both chains, and the {@link Signer} every signing
 * path uses (the share signer chosen by {@code bridge.validator.keys.signer}, wrapped so that it
 * signs only for the active epoch).
 */
@Configuration(proxyBeanMethods = false)
public class FederationConfiguration {

  /**
   * The federation feature assembled without Spring (tools and tests), as the context assembles it:
   * {@code refresh} reads both chains once (the service does it every {@code federation.refresh}).
   */
  public record Standalone(Federations federations, Runnable refresh, Signer signer) {}

  /** See {@link Standalone}; {@code shares} is the key signer the current-epoch guard wraps. */
  public static Standalone standalone(
      Web3j l1,
      String vault,
      java.net.URI sidechainRpc,
      DkgService dkg,
      long l1ChainId,
      long sidechainId,
      Signer shares) {
    ChainFederations federations =
        new ChainFederations(
            new L1VaultEpochs(l1, vault),
            new SidechainRpcEpochs(sidechainRpc),
            dkg,
            l1ChainId,
            Address.fromHex(vault),
            sidechainId);
    return new Standalone(
        federations, federations::refresh, new CurrentEpochSigner(federations, shares));
  }

  @Bean(destroyMethod = "shutdown")
  Web3j federationWeb3j(ValidatorProperties properties) {
    return Web3j.build(new HttpService(properties.l1().rpcUrl().toString()));
  }

  @Bean
  ChainFederations chainFederations(
      ValidatorProperties properties, Web3j federationWeb3j, DkgService dkg) {
    return new ChainFederations(
        new L1VaultEpochs(federationWeb3j, properties.l1().vault()),
        new SidechainRpcEpochs(properties.sidechain().rpcUrl()),
        dkg,
        properties.l1().chainId(),
        Address.fromHex(properties.l1().vault()),
        properties.sidechain().chainId());
  }

  /** Reads the chains now and then every {@code bridge.validator.federation.refresh}. */
  @Bean(destroyMethod = "shutdownNow")
  ScheduledExecutorService federationRefresh(
      ChainFederations chainFederations, ValidatorProperties properties) {
    ScheduledExecutorService timer =
        Executors.newSingleThreadScheduledExecutor(
            r -> {
              Thread t = new Thread(r, "federation-refresh");
              t.setDaemon(true);
              return t;
            });
    long every = properties.federation().refresh().toMillis();
    timer.scheduleWithFixedDelay(chainFederations::refresh, 0, every, TimeUnit.MILLISECONDS);
    return timer;
  }

  /** The identity key each epoch's member set lists for this member (identity rotation). */
  @Bean
  ListedIdentity listedIdentity(ChainFederations federations) {
    return epoch ->
        federations
            .epoch(epoch)
            .flatMap(
                v ->
                    v.myIndex().isPresent()
                        ? Optional.ofNullable(v.identities().get(v.myIndex().getAsInt()))
                        : Optional.empty());
  }

  @Bean
  Signer currentEpochSigner(
      ChainFederations federations, ValidatorProperties properties, KeyDirectory keys) {
    return new CurrentEpochSigner(federations, Signers.shares(properties.keys(), keys));
  }
}
