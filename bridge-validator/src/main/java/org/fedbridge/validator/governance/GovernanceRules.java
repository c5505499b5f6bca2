package org.fedbridge.validator.governance;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.fedbridge.core.dkg.DkgMember;
import org.fedbridge.core.dkg.IdentityPublicKey;
import org.fedbridge.core.message.PauserUpdate;
import org.fedbridge.core.message.TokenConfig;
import org.fedbridge.core.message.Unpause;
import org.fedbridge.core.types.Address;
import org.fedbridge.core.types.Result;
import org.fedbridge.core.wire.Governance;
import org.fedbridge.core.wire.GovernanceAction.PauserUpdateAction;
import org.fedbridge.core.wire.GovernanceAction.Rotation;
import org.fedbridge.core.wire.GovernanceAction.RotationMember;
import org.fedbridge.core.wire.GovernanceAction.TokenConfigAction;
import org.fedbridge.core.wire.GovernanceAction.UnpauseAction;
import org.fedbridge.core.wire.GovernanceRecord;
import org.fedbridge.validator.dkg.FederationSpec;

/**
 * What a record on {@code bridge.governance} asks of this member, decided without I/O.
 *
 * <p>SECURITY: only admin-api's governance key is obeyed; a record for another deployment, or at or
 * below the last sequence acted on, is ignored; a rotation must pass the federation policy
 * (bridge-core refuses to decode one that does not) and becomes this member's DKG only if this
 * member's identity key is in it. A record never changes the federation by itself: the new epoch's
 * key is used only after the DKG's confirmations and once the current federation's EpochChange is
 * in force on L1 and the sidechain.
 */
final class GovernanceRules {
  private final IdentityPublicKey governanceKey;
  private final long l1ChainId;
  private final Address vault;
  private final long sidechainId;
  private final List<IdentityPublicKey> ownKeys;

  /**
   * @param mine this member's identity keys: the one in use and, during an identity rotation, the
   *     next one (a rotation may name either)
   */
  GovernanceRules(
      IdentityPublicKey governanceKey,
      long l1ChainId,
      Address vault,
      long sidechainId,
      List<IdentityPublicKey> mine) {
    this.governanceKey = governanceKey;
    this.l1ChainId = l1ChainId;
    this.vault = vault;
    this.sidechainId = sidechainId;
    this.ownKeys = List.copyOf(mine);
  }

  /** The verdict on one record. */
  sealed interface Decision {
    /** Not from the governance key, malformed, or not for this deployment: counted, skipped. */
    record Refused(String reason) implements Decision {}

    /** Already acted on (a replay or a re-sent record). */
    record Stale(long sequence) implements Decision {}

    /** Authentic, for this deployment, but nothing for this member to run. */
    record Noted(Governance governance, String what) implements Decision {}

    /** A rotation naming this member: run its DKG. */
    record RunDkg(Governance governance, FederationSpec spec) implements Decision {}

    /**
     * A token configuration within the vault's ranges: the federation certifies it once the vault's
     * governance nonce is the one it names ({@link TokenConfigs}).
     */
    record CertifyTokenConfig(Governance governance, TokenConfig config) implements Decision {}

    /**
     * A pauser update the vault could accept: the federation certifies it once the vault's
     * governance nonce is the one it names ({@link PauseGovernance}).
     */
    record CertifyPauserUpdate(Governance governance, PauserUpdate update) implements Decision {}

    /**
     * An unpause: the federation certifies it once the vault's governance nonce is the one it names
     * and while the vault is paused with the pause count it names ({@link PauseGovernance}).
     */
    record CertifyUnpause(Governance governance, Unpause unpause) implements Decision {}
  }

  private static final BigInteger MAX_U96 = BigInteger.ONE.shiftLeft(96).subtract(BigInteger.ONE);
  private static final BigInteger MAX_U24 = BigInteger.ONE.shiftLeft(24).subtract(BigInteger.ONE);

  Decision decide(byte[] bytes, long lastSequence) {
    Result<GovernanceRecord> decoded = GovernanceRecord.decode(bytes);
    if (!decoded.isOk()) {
      return new Decision.Refused("malformed (" + decoded.rejection() + ")");
    }
    GovernanceRecord record = decoded.orThrow();
    if (!record.authenticate(governanceKey).isOk()) {
      return new Decision.Refused("not signed by the governance key");
    }
    Governance g = record.governance();
    if (g.l1ChainId() != l1ChainId || !g.vault().equals(vault) || g.sidechainId() != sidechainId) {
      return new Decision.Refused("for another deployment");
    }
    if (g.sequence() <= lastSequence) {
      return new Decision.Stale(g.sequence());
    }
    if (g.action() instanceof TokenConfigAction t) {
      return tokenConfig(g, t.config());
    }
    if (g.action() instanceof PauserUpdateAction p) {
      // SECURITY: the vault refuses the zero address (ZeroAddress): such a record would only
      // waste a governance nonce on a certificate L1 refuses.
      if (p.update().pauser().equals(Address.ZERO)) {
        return new Decision.Refused("pauser update for the zero address");
      }
      return new Decision.CertifyPauserUpdate(g, p.update());
    }
    if (g.action() instanceof UnpauseAction u) {
      // The pause count is checked against the vault when signing: the record may arrive before
      // the pause it lifts is seen by this validator's node, and a pause may end meanwhile.
      return new Decision.CertifyUnpause(g, u.message());
    }
    if (!(g.action() instanceof Rotation r)) {
      return new Decision.Noted(g, "action " + g.action().code() + " (signed by the federation)");
    }
    Optional<RotationMember> mine =
        r.members().stream().filter(m -> ownKeys.contains(m.identityKey())).findFirst();
    if (mine.isEmpty()) {
      return new Decision.Noted(g, "rotation to epoch " + r.epoch() + " without this member");
    }
    List<DkgMember> members = new ArrayList<>();
    for (RotationMember m : r.members()) {
      members.add(new DkgMember(m.index(), m.operatorId(), m.identityKey()));
    }
    Result<FederationSpec> spec =
        FederationSpec.parse(
            FederationSpec.write(
                l1ChainId, vault, sidechainId, r.epoch(), r.attempt(), r.threshold(), members));
    if (!spec.isOk()) {
      return new Decision.Refused(
          "rotation refused by the federation policy: " + ((Result.Err<?>) spec).detail());
    }
    return new Decision.RunDkg(g, spec.orThrow());
  }

  /**
   * SECURITY: the policy of a token configuration is the vault's own (GovernanceQueue {@code
   * _validateSettings}): limits within 96 bits, a period of 1 s to 2^24 − 1 s, a delay within 24
   * bits. Anything else would only waste a governance nonce on a certificate L1 refuses.
   */
  private static Decision tokenConfig(Governance g, TokenConfig c) {
    BigInteger period = c.periodSeconds().value();
    if (c.periodLimit().value().compareTo(MAX_U96) > 0
        || c.delayThreshold().value().compareTo(MAX_U96) > 0
        || period.signum() == 0
        || period.compareTo(MAX_U24) > 0
        || c.delaySeconds().value().compareTo(MAX_U24) > 0) {
      return new Decision.Refused("token config out of the vault's ranges");
    }
    return new Decision.CertifyTokenConfig(g, c);
  }
}
