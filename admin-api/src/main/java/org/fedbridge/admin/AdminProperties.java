package org.fedbridge.admin;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.fedbridge.service.KafkaSettings;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Settings of the admin console ({@code bridge.admin.*}). Secrets are never values here: keystores
 * and tokens are files (or a named environment variable), read once and never printed.
 *
 * @param requiredApprovals M in M-of-N: distinct admins that must approve a proposal (never below
 *     2; the proposer counts once)
 * @param timelock how long an approved proposal waits, cancellable by any admin, before it is
 *     published on {@code bridge.governance}
 * @param kafka how to reach Kafka
 * @param topics topic names
 * @param l1 the L1 chain and the vault
 * @param sidechain the operator's own sidechain replica (reconciliation and the watchtower compare
 *     L1 with it)
 * @param bootstrapTokenFile a file holding the first admin's token, read at the first start only
 * @param bootstrapTokenEnv the environment variable read instead when no file is set
 * @param governance admin-api's governance identity key (EIP-2335-style identity keystore): it
 *     signs every record on {@code bridge.governance}
 * @param pauser the pauser key (Ethereum V3 keystore); without it pause and revocation are
 *     unavailable
 * @param submitter an L1 account (Ethereum V3 keystore) that submits and executes federation
 *     certificates; optional (anyone may submit them)
 * @param federation where the federation of epoch 0 is described
 * @param auth authentication settings
 * @param rateLimit per-client request budget
 * @param reconciliation reconciliation and watchtower settings
 */
@Validated
@ConfigurationProperties("bridge.admin")
public record AdminProperties(
    @Min(value = 2, message = "must be at least 2: no single admin may act alone")
        @Max(value = 100, message = "must be at most 100")
        @DefaultValue("2")
        int requiredApprovals,
    @NotNull @DefaultValue("PT24H") Duration timelock,
    @NotNull @Valid KafkaSettings kafka,
    @NotNull @Valid @DefaultValue Topics topics,
    @NotNull(message = "is required: the L1 RPC URL, chain id and vault") @Valid L1 l1,
    @NotNull(message = "is required: the sidechain replica's RPC URL and chain id") @Valid
        Sidechain sidechain,
    Path bootstrapTokenFile,
    @NotBlank @DefaultValue("FEDBRIDGE_ADMIN_BOOTSTRAP_TOKEN") String bootstrapTokenEnv,
    @NotNull(message = "is required: admin-api signs governance records with it") @Valid
        KeystoreFile governance,
    @Valid KeystoreFile pauser,
    @Valid KeystoreFile submitter,
    @NotNull @Valid @DefaultValue Federation federation,
    @NotNull @Valid @DefaultValue Auth auth,
    @NotNull @Valid @DefaultValue RateLimit rateLimit,
    @NotNull @Valid @DefaultValue Reconciliation reconciliation) {

  public AdminProperties {
    if (timelock != null && (timelock.isNegative() || timelock.isZero())) {
      throw new IllegalArgumentException("bridge.admin.timelock must be positive");
    }
  }

  /** Kafka topic names. */
  public record Topics(
      @NotBlank @DefaultValue("bridge.governance") String governance,
      @NotBlank @DefaultValue("bridge.heartbeats") String heartbeats,
      @NotBlank @DefaultValue("bridge.certificates") String certificates) {}

  /**
   * @param rpcUrl L1 JSON-RPC endpoint
   * @param chainId L1 chain id (bound into every digest)
   * @param vault the BridgeVault's address
   * @param fromBlock first block to scan for vault events (the vault's deployment block)
   * @param confirmations blocks behind the head that the log scans stay
   */
  public record L1(
      @NotBlank String rpcUrl,
      @Positive long chainId,
      @NotNull @Pattern(regexp = "0x[0-9a-fA-F]{40}", message = "must be a 0x-prefixed address")
          String vault,
      @Min(0) @DefaultValue("0") long fromBlock,
      @Min(0) @Max(1000) @DefaultValue("0") int confirmations) {}

  /**
   * @param rpcUrl the sidechain replica's JSON-RPC endpoint
   * @param chainId the sidechain's chain id (the sidechain id of every digest)
   */
  public record Sidechain(@NotBlank String rpcUrl, @Positive long chainId) {}

  /**
   * A keystore file and the file holding its password (Kubernetes mounts both from Secrets).
   *
   * @param keystore the keystore file
   * @param passwordFile the file holding its password (a trailing newline is ignored)
   */
  public record KeystoreFile(@NotNull Path keystore, @NotNull Path passwordFile) {}

  /**
   * @param genesisSpec the federation spec of epoch 0 (members with operator ids and identity keys,
   *     threshold): the devnet writes it, operators get it from the federation's coordinator
   * @param silentAfter a member without a heartbeat for this long is shown as silent
   * @param lagWarning a member this many blocks behind on L1 or the sidechain is shown as lagging
   */
  public record Federation(
      Path genesisSpec,
      @NotNull @DefaultValue("PT60S") Duration silentAfter,
      @Min(1) @DefaultValue("20") long lagWarning) {}

  /**
   * @param jwt optional OIDC/JWT resource-server mode (off unless an issuer or JWK set is given)
   */
  public record Auth(@NotNull @Valid @DefaultValue Jwt jwt) {}

  /**
   * JWT bearer tokens from an identity provider, beside the console's own API tokens.
   *
   * @param issuerUri the issuer (its discovery document gives the keys), or empty
   * @param jwkSetUri the JWK set, when the issuer has no discovery document
   * @param audience the audience every token must name (empty: not checked)
   * @param rolesClaim the claim listing the roles (VIEWER, OPERATOR, PAUSER, ADMIN)
   * @param principalClaim the claim naming the principal
   */
  public record Jwt(
      @DefaultValue("") String issuerUri,
      @DefaultValue("") String jwkSetUri,
      @DefaultValue("") String audience,
      @NotBlank @DefaultValue("roles") String rolesClaim,
      @NotBlank @DefaultValue("sub") String principalClaim) {
    public boolean enabled() {
      return !issuerUri.isBlank() || !jwkSetUri.isBlank();
    }
  }

  /**
   * A token bucket per client (its principal, or its address before authentication).
   *
   * @param perSecond sustained requests per second
   * @param burst bucket size
   */
  public record RateLimit(
      @Positive @DefaultValue("30") int perSecond, @Positive @DefaultValue("120") int burst) {}

  /**
   * @param interval how often reconciliation and the watchtower run
   * @param autoPause pause the vault on any mismatch (the pauser key is needed)
   * @param revokeMismatchedRoots revoke a posted root that contradicts the replica while its
   *     challenge window is open (the pauser key is needed)
   * @param tokens L1 tokens to reconcile besides ETH (tokens registered later are added as they are
   *     configured)
   */
  public record Reconciliation(
      @NotNull @DefaultValue("PT5S") Duration interval,
      @DefaultValue("false") boolean autoPause,
      @DefaultValue("true") boolean revokeMismatchedRoots,
      @NotNull @DefaultValue List<String> tokens) {}
}
