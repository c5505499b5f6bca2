package org.fedbridge.admin.governance;

import java.math.BigInteger;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.fedbridge.admin.AdminProperties;
import org.fedbridge.admin.audit.AuditLog;
import org.fedbridge.admin.auth.Principals;
import org.fedbridge.admin.chain.ChainException;
import org.fedbridge.admin.chain.Vault;
import org.fedbridge.admin.federation.EpochView;
import org.fedbridge.admin.federation.Roster;
import org.fedbridge.admin.proposals.ProposalKind;
import org.fedbridge.admin.proposals.ProposalView;
import org.fedbridge.admin.proposals.Proposals;
import org.fedbridge.core.dkg.IdentityPublicKey;
import org.fedbridge.core.message.PauserUpdate;
import org.fedbridge.core.message.TokenConfig;
import org.fedbridge.core.types.Address;
import org.fedbridge.core.types.Hex;
import org.fedbridge.core.types.Result;
import org.fedbridge.core.types.UInt256;
import org.fedbridge.core.wire.Governance;
import org.fedbridge.core.wire.GovernanceAction;
import org.fedbridge.core.wire.GovernanceAction.PauserUpdateAction;
import org.fedbridge.core.wire.GovernanceAction.Rotation;
import org.fedbridge.core.wire.GovernanceAction.RotationMember;
import org.fedbridge.core.wire.GovernanceAction.TokenConfigAction;
import org.fedbridge.core.wire.GovernanceAction.UnpauseAction;
import org.fedbridge.core.wire.GovernanceRecord;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Carries out proposals whose timelock has ended: the console's own admin roster changes here;
 * everything else becomes a signed record on {@code bridge.governance}, written to the governance
 * log in the same transaction that marks the proposal published (an outbox: {@link
 * GovernanceSender} sends it until Kafka acknowledges).
 */
@Service
public class GovernancePublisher {
  private static final JsonMapper JSON = JsonMapper.builder().build();
  private final Proposals proposals;
  private final Principals principals;
  private final Roster roster;
  private final Vault vault;
  private final GovernanceKey key;
  private final GovernanceLog log;
  private final AuditLog audit;
  private final AdminProperties properties;
  private final Clock clock;

  GovernancePublisher(
      Proposals proposals,
      Principals principals,
      Roster roster,
      Vault vault,
      GovernanceKey key,
      GovernanceLog log,
      AuditLog audit,
      AdminProperties properties,
      Clock clock) {
    this.proposals = proposals;
    this.principals = principals;
    this.roster = roster;
    this.vault = vault;
    this.key = key;
    this.log = log;
    this.audit = audit;
    this.properties = properties;
    this.clock = clock;
  }

  /** What became of a due proposal. */
  public sealed interface Carried {
    record Published(long sequence) implements Carried {}

    record Executed() implements Carried {}

    record Failed(String reason) implements Carried {}

    /** Not now (L1 unreachable, or no longer due): tried again on the next round. */
    record Waiting(String reason) implements Carried {}
  }

  @Transactional
  public Carried carryOut(long id) {
    Optional<ProposalView> due = proposals.lockDue(id);
    if (due.isEmpty()) {
      return new Carried.Waiting("no longer due");
    }
    ProposalView p = due.get();
    JsonNode effect = JSON.readTree(p.effect());
    if (p.kind().internal()) {
      return admin(p, effect);
    }
    GovernanceAction action;
    BigInteger nonce = null;
    if (p.kind().memberChange()) {
      Optional<EpochView> current = roster.current();
      if (current.isEmpty()
          || current.get().epoch() != p.baseEpoch()
          || roster.planned().isPresent()) {
        proposals.failed(p.id(), "stale: the federation changed since it was proposed");
        return new Carried.Failed("stale");
      }
      // A retry of an abandoned epoch runs a new DKG session (the attempt is in its id).
      Result<Rotation> r = rotation(effect, roster.nextAttempt(effect.get("epoch").asLong()));
      if (!r.isOk()) {
        proposals.failed(p.id(), "no longer passes the policy: " + ((Result.Err<?>) r).detail());
        return new Carried.Failed("policy");
      }
      action = r.orThrow();
    } else {
      try {
        Optional<String> unsignable = unsignableUnpause(p.kind(), effect);
        if (unsignable.isPresent()) {
          proposals.failed(p.id(), unsignable.get());
          return new Carried.Failed("unpause");
        }
        nonce = nextNonce();
      } catch (ChainException e) {
        return new Carried.Waiting("the vault's governance nonce is unknown: " + e.getMessage());
      }
      action = governanceAction(p.kind(), effect, new UInt256(nonce));
    }
    long sequence = log.nextSequence();
    Instant now = clock.instant();
    Governance g =
        new Governance(
            properties.l1().chainId(),
            Address.fromHex(properties.l1().vault()),
            properties.sidechain().chainId(),
            sequence,
            p.id(),
            now.toEpochMilli(),
            action);
    GovernanceRecord unsigned = GovernanceRecord.unsigned(g, key.publicKey());
    GovernanceRecord signed = unsigned.withSignature(key.sign(unsigned.signingHash()));
    log.insert(sequence, p.id(), p.kind().name(), nonce, signed.encode(), now);
    if (action instanceof Rotation r) {
      roster.plan(r.epoch(), r.threshold(), r.members(), r.attempt(), p.id());
    }
    proposals.published(p.id(), sequence);
    audit.record(
        AuditLog.SYSTEM + "governance",
        "governance.publish",
        "governance/" + sequence,
        Map.of(
            "proposal",
            p.id(),
            "kind",
            p.kind().name(),
            "nonce",
            nonce == null ? "" : nonce.toString(),
            "signingHash",
            signed.signingHash().toHex()));
    return new Carried.Published(sequence);
  }

  /** The governance key's public key, for validators' configuration and the console. */
  public IdentityPublicKey governanceKey() {
    return key.publicKey();
  }

  private Carried admin(ProposalView p, JsonNode effect) {
    String name = effect.get("principal").asText();
    String by = AuditLog.SYSTEM + "proposal/" + p.id();
    if (p.kind() == ProposalKind.GRANT_ADMIN) {
      if (!principals.canGrantAdmin(name).isDone()) {
        proposals.failed(p.id(), name + " can no longer be made an admin");
        return new Carried.Failed("principal");
      }
      principals.grantAdmin(name, by);
    } else {
      if (!principals.canRevokeAdmin(name).isDone()) {
        proposals.failed(p.id(), name + " can no longer be removed");
        return new Carried.Failed("principal");
      }
      principals.revokeAdmin(name, by);
    }
    proposals.executed(p.id());
    return new Carried.Executed();
  }

  /**
   * Why an UNPAUSE must not be published now, if so. SECURITY (liveness): the validators sign an
   * Unpause only for the pause in force, and every later governance nonce waits for this one; an
   * unpause that can never be signed (the vault is not paused, or in another pause, or another
   * unpause of this pause already holds a nonce) would block every later token config, pauser
   * change and unpause. So it fails here, before it takes a nonce.
   */
  private Optional<String> unsignableUnpause(ProposalKind kind, JsonNode effect) {
    if (kind != ProposalKind.UNPAUSE) {
      return Optional.empty();
    }
    long count = effect.get("pauseCount").asLong();
    if (!vault.paused() || vault.pauseCount().longValueExact() != count) {
      return Optional.of(
          "the vault is not in pause "
              + count
              + " any more (paused: "
              + vault.paused()
              + ", pause count "
              + vault.pauseCount()
              + "): propose an unpause of the pause in force");
    }
    for (byte[] bytes : log.all(ProposalKind.UNPAUSE.name())) {
      Result<GovernanceRecord> r = GovernanceRecord.decode(bytes);
      if (r.isOk()
          && r.orThrow().governance().action() instanceof UnpauseAction u
          && u.pauseCount().value().longValueExact() == count) {
        return Optional.of(
            "an unpause of pause "
                + count
                + " is already published (governance nonce "
                + u.governanceNonce()
                + ")");
      }
    }
    return Optional.empty();
  }

  /**
   * The vault's next governance nonce, or past the last one given out if those records are not on
   * L1 yet: nonces are consumed in order, one counter for token configs, pauser updates and
   * unpauses.
   */
  private BigInteger nextNonce() {
    BigInteger onChain = vault.governanceNonce();
    Optional<BigInteger> given = log.maxNonce();
    return given.map(g -> g.add(BigInteger.ONE).max(onChain)).orElse(onChain);
  }

  /**
   * The token configurations this console published on {@code bridge.governance} (acknowledged by
   * Kafka), in sequence order: the only ones its L1 submission may carry.
   */
  public List<TokenConfig> publishedTokenConfigs() {
    List<TokenConfig> out = new ArrayList<>();
    for (byte[] bytes : log.sent(ProposalKind.TOKEN_CONFIG.name())) {
      Result<GovernanceRecord> r = GovernanceRecord.decode(bytes);
      if (r.isOk() && r.orThrow().governance().action() instanceof TokenConfigAction t) {
        out.add(t.config());
      }
    }
    return out;
  }

  /** A governance record this console published (acknowledged by Kafka). */
  public record Published(long sequence, long proposalId, GovernanceAction action) {}

  /**
   * The records of {@code kinds} this console published on {@code bridge.governance} (acknowledged
   * by Kafka), in sequence order: the only ones its L1 submissions may carry.
   */
  public List<Published> published(ProposalKind... kinds) {
    List<Published> out = new ArrayList<>();
    for (ProposalKind kind : kinds) {
      for (byte[] bytes : log.sent(kind.name())) {
        Result<GovernanceRecord> r = GovernanceRecord.decode(bytes);
        if (r.isOk()) {
          Governance g = r.orThrow().governance();
          out.add(new Published(g.sequence(), g.proposalId(), g.action()));
        }
      }
    }
    out.sort(java.util.Comparator.comparingLong(Published::sequence));
    return out;
  }

  /**
   * The signed records of those token configurations, in sequence order: the sidechain takes a new
   * token's symbol, name and decimals from them (they are not part of the certified config).
   */
  public List<GovernanceRecord> publishedTokenConfigRecords() {
    List<GovernanceRecord> out = new ArrayList<>();
    for (byte[] bytes : log.sent(ProposalKind.TOKEN_CONFIG.name())) {
      Result<GovernanceRecord> r = GovernanceRecord.decode(bytes);
      if (r.isOk() && r.orThrow().governance().action() instanceof TokenConfigAction) {
        out.add(r.orThrow());
      }
    }
    return out;
  }

  static Result<Rotation> rotation(JsonNode effect, long attempt) {
    List<RotationMember> members = new ArrayList<>();
    for (JsonNode m : effect.get("members")) {
      members.add(
          new RotationMember(
              m.get("index").asInt(),
              m.get("operatorId").asText(),
              new IdentityPublicKey(Hex.decode(m.get("identityPublicKey").asText()))));
    }
    return GovernanceAction.rotation(
        effect.get("epoch").asLong(), attempt, effect.get("threshold").asInt(), members);
  }

  static GovernanceAction governanceAction(ProposalKind kind, JsonNode e, UInt256 nonce) {
    return switch (kind) {
      case TOKEN_CONFIG ->
          new TokenConfigAction(
              new TokenConfig(
                  nonce,
                  Address.fromHex(e.get("token").asText()),
                  e.get("registered").asBoolean(),
                  UInt256.parse(e.get("periodLimit").asText()),
                  UInt256.of(e.get("periodSeconds").asLong()),
                  UInt256.parse(e.get("delayThreshold").asText()),
                  UInt256.of(e.get("delaySeconds").asLong())),
              e.get("symbol").asText(),
              e.get("name").asText(),
              e.get("decimals").asInt());
      case PAUSER_UPDATE ->
          new PauserUpdateAction(
              new PauserUpdate(
                  nonce, Address.fromHex(e.get("pauser").asText()), e.get("enabled").asBoolean()));
      case UNPAUSE -> new UnpauseAction(nonce, UInt256.of(e.get("pauseCount").asLong()));
      default -> throw new IllegalArgumentException(kind + " is not a governance action");
    };
  }
}
