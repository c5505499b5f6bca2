package org.fedbridge.validator.signing;

import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.util.Optional;
import java.util.function.LongSupplier;
import java.util.function.Supplier;
import javax.sql.DataSource;
import okhttp3.OkHttpClient;
import org.fedbridge.core.types.Address;
import org.fedbridge.core.types.Rejection;
import org.fedbridge.core.types.Result;
import org.fedbridge.validator.ValidatorProperties;
import org.fedbridge.validator.batch.BatchConfiguration;
import org.fedbridge.validator.batch.BatchQueue;
import org.fedbridge.validator.batch.Batches;
import org.fedbridge.validator.consensus.PartialPublisher;
import org.fedbridge.validator.federation.Federations;
import org.fedbridge.validator.governance.Handovers;
import org.fedbridge.validator.governance.PauseGovernance;
import org.fedbridge.validator.governance.TokenConfigs;
import org.fedbridge.validator.keys.Signer;
import org.fedbridge.validator.watch.WatchStatus;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.web3j.protocol.Web3j;
import org.web3j.protocol.http.HttpService;

/**
 * Wires the signing feature. The key {@link Signer}, the {@link Federations} and the {@link
 * PartialPublisher} belong to other features and are looked up lazily: until they exist the loop
 * idles (and says why) instead of failing the service.
 */
@Configuration(proxyBeanMethods = false)
public class SigningConfiguration {

  /** The signing feature assembled without Spring (tools and tests). */
  public record Standalone(
      SigningLoop loop,
      SigningHalt halt,
      ProtectedSigner signer,
      SignedPartials partials,
      SigningProtectionAdmin protection) {}

  /**
   * What this validator signs besides batches: hand-overs to the next epoch, and token
   * configurations, pauser updates and unpauses approved on {@code bridge.governance} (each looked
   * up when used).
   */
  public record Governance(
      Supplier<Optional<Handovers>> handovers,
      Supplier<Optional<TokenConfigs>> tokenConfigs,
      Supplier<Optional<PauseGovernance>> pauses) {
    /** Hand-overs and token configurations only. */
    public Governance(
        Supplier<Optional<Handovers>> handovers, Supplier<Optional<TokenConfigs>> tokenConfigs) {
      this(handovers, tokenConfigs, Optional::empty);
    }

    /** Batches only. */
    public static Governance none() {
      return new Governance(Optional::empty, Optional::empty, Optional::empty);
    }
  }

  /**
   * Assembles the signing feature over {@code dataSource} exactly as the Spring context does.
   *
   * @param l1 client for the vault's {@code tokenSettings}
   * @param safeHead the L1 safe head (limits are read there and at the latest block)
   */
  public static Standalone standalone(
      DataSource dataSource,
      Clock clock,
      MeterRegistry registry,
      Signer keySigner,
      Supplier<Optional<Federations>> federations,
      Supplier<Optional<PartialPublisher>> publisher,
      Governance governance,
      BatchConfiguration.Store batches,
      Web3j l1,
      ValidatorProperties properties,
      LongSupplier safeHead) {
    SigningHalt halt = new SigningHalt(dataSource, clock);
    SigningProtectionStore store = new SigningProtectionStore(dataSource);
    ProtectedSigner signer = new ProtectedSigner(keySigner, store, clock);
    SigningLoop loop =
        new SigningLoop(
            batches.queue(),
            batches.batches(),
            new SigningPipeline(signer),
            halt,
            federations,
            publisher,
            governance.handovers(),
            governance.tokenConfigs(),
            governance.pauses(),
            new VaultTokenLimits(
                l1, properties.l1().vault(), safeHead, properties.limits().refresh(), clock),
            new SigningMetrics(registry, halt),
            clock,
            properties.signing().maxBatchesPerRound(),
            properties.signing().interval());
    return new Standalone(
        loop, halt, signer, store, signingProtectionAdmin(store, properties, clock));
  }

  @Bean
  SigningHalt signingHalt(DataSource dataSource, Clock clock) {
    return new SigningHalt(dataSource, clock);
  }

  @Bean
  SigningProtectionStore signingProtectionStore(DataSource dataSource) {
    return new SigningProtectionStore(dataSource);
  }

  @Bean
  ProtectedSigner protectedSigner(
      ObjectProvider<Signer> signers, SigningProtectionStore store, Clock clock) {
    Signer lazy =
        (epoch, digest) -> {
          Signer s = signers.getIfAvailable();
          return s == null
              ? Result.err(Rejection.UNKNOWN_MEMBER, "no key signer configured")
              : s.sign(epoch, digest);
        };
    return new ProtectedSigner(lazy, store, clock);
  }

  @Bean
  static SigningProtectionAdmin signingProtectionAdmin(
      SigningProtectionStore store, ValidatorProperties properties, Clock clock) {
    return new SigningProtectionAdmin(
        store,
        new ProtectionInterchange.Metadata(
            properties.l1().chainId(),
            Address.fromHex(properties.l1().vault()),
            properties.sidechain().chainId(),
            properties.operatorId()),
        properties.signing().maxImportRecords(),
        clock);
  }

  @Bean
  SigningMetrics signingMetrics(MeterRegistry registry, SigningHalt halt) {
    return new SigningMetrics(registry, halt);
  }

  @Bean
  SigningHealthIndicator signingHealthIndicator(SigningHalt halt) {
    return new SigningHealthIndicator(halt);
  }

  /** Its own L1 client (no {@code Web3j} bean: other features may want their own). */
  @Bean
  VaultTokenLimits vaultTokenLimits(
      ObjectProvider<WatchStatus> watch, ValidatorProperties properties, Clock clock) {
    OkHttpClient http = new OkHttpClient.Builder().callTimeout(properties.l1().timeout()).build();
    return new VaultTokenLimits(
        Web3j.build(new HttpService(properties.l1().rpcUrl().toString(), http)),
        properties.l1().vault(),
        () -> Optional.ofNullable(watch.getIfAvailable()).map(WatchStatus::l1SafeHead).orElse(-1L),
        properties.limits().refresh(),
        clock);
  }

  @Bean
  SigningLoop signingLoop(
      BatchQueue queue,
      Batches batches,
      ProtectedSigner signer,
      SigningHalt halt,
      ObjectProvider<Federations> federations,
      ObjectProvider<PartialPublisher> publisher,
      ObjectProvider<Handovers> handovers,
      ObjectProvider<TokenConfigs> tokenConfigs,
      ObjectProvider<PauseGovernance> pauses,
      VaultTokenLimits limits,
      SigningMetrics metrics,
      Clock clock,
      ValidatorProperties properties) {
    return new SigningLoop(
        queue,
        batches,
        new SigningPipeline(signer),
        halt,
        () -> Optional.ofNullable(federations.getIfAvailable()),
        () -> Optional.ofNullable(publisher.getIfAvailable()),
        () -> Optional.ofNullable(handovers.getIfAvailable()),
        () -> Optional.ofNullable(tokenConfigs.getIfAvailable()),
        () -> Optional.ofNullable(pauses.getIfAvailable()),
        limits,
        metrics,
        clock,
        properties.signing().maxBatchesPerRound(),
        properties.signing().interval());
  }
}
