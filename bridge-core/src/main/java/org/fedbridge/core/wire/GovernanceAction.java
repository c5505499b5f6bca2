package org.fedbridge.core.wire;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.fedbridge.core.dkg.IdentityPublicKey;
import org.fedbridge.core.message.PauserUpdate;
import org.fedbridge.core.message.TokenConfig;
import org.fedbridge.core.threshold.ThresholdPolicy;
import org.fedbridge.core.types.Rejection;
import org.fedbridge.core.types.Result;
import org.fedbridge.core.types.UInt256;

/**
 * What an approved governance record asks the federation to do. None of it changes anything by
 * itself: the federation acts only through its threshold certificate, after its own checks.
 */
public sealed interface GovernanceAction {

  /** The action's code on the wire (u8). */
  int code();

  /**
   * Run the DKG of epoch {@code epoch} among these members (joiners included) and hand over to it
   * with an {@code EpochChange} certificate of the current federation. {@code attempt} numbers the
   * DKG runs of one epoch (a failed run is retried as the next attempt); the members derive their
   * DKG session id from the domain, the epoch, the attempt, the threshold and the members.
   *
   * <p>Every instance satisfies the federation policy: indexes 1..n in order, {@code ⌊2n/3⌋+1 ≤ t ≤
   * n} (threats.md row 4), one share per operator (row 8), no operator with t shares (row 1),
   * distinct identity keys. Build with {@link #rotation}.
   */
  record Rotation(long epoch, long attempt, int threshold, List<RotationMember> members)
      implements GovernanceAction {
    public Rotation {
      members = List.copyOf(members);
      Result<Void> ok = check(epoch, attempt, threshold, members);
      if (!ok.isOk()) {
        throw new IllegalArgumentException(((Result.Err<Void>) ok).detail());
      }
    }

    @Override
    public int code() {
      return 1;
    }
  }

  /**
   * One member of a rotation: its share index in the new epoch, its operator and the secp256k1
   * identity key that signs its DKG messages, partials and heartbeats.
   */
  record RotationMember(int index, String operatorId, IdentityPublicKey identityKey) {
    public RotationMember {
      if (index < 1 || index > ThresholdPolicy.MAX_MEMBERS || identityKey == null) {
        throw new IllegalArgumentException("member index 1..1000 and an identity key");
      }
      if (!Heartbeat.validOperatorId(operatorId)) {
        throw new IllegalArgumentException("operator id must be [a-z0-9-]{1,64}");
      }
    }
  }

  /**
   * Register a token or change its limits on L1 (the vault's {@code submitTokenConfig}) and on the
   * sidechain. {@code symbol}, {@code name} and {@code decimals} describe the sidechain token (they
   * are not part of the signed {@code TokenConfig}).
   */
  record TokenConfigAction(TokenConfig config, String symbol, String name, int decimals)
      implements GovernanceAction {
    public TokenConfigAction {
      if (config == null
          || !text(symbol, 0, GovernanceRecord.MAX_SYMBOL)
          || !text(name, 0, GovernanceRecord.MAX_NAME)
          || decimals < 0
          || decimals > 255) {
        throw new IllegalArgumentException(
            "token config, printable symbol (≤ 32) and name (≤ 64), decimals 0..255");
      }
    }

    @Override
    public int code() {
      return 2;
    }
  }

  /** Grant or revoke the pauser role on the vault. */
  record PauserUpdateAction(PauserUpdate update) implements GovernanceAction {
    public PauserUpdateAction {
      if (update == null) {
        throw new IllegalArgumentException("pauser update must not be null");
      }
    }

    @Override
    public int code() {
      return 3;
    }
  }

  /**
   * Lift the pause number {@code pauseCount} (the vault's {@code Unpause{governanceNonce,
   * pauseCount}}: a certificate lifts only the pause it was made for).
   */
  record UnpauseAction(UInt256 governanceNonce, UInt256 pauseCount) implements GovernanceAction {
    public UnpauseAction {
      if (governanceNonce == null || pauseCount == null || pauseCount.value().signum() == 0) {
        throw new IllegalArgumentException("unpause needs a nonce and a pause count ≥ 1");
      }
    }

    @Override
    public int code() {
      return 4;
    }

    /** The message the federation signs for it. */
    public org.fedbridge.core.message.Unpause message() {
      return new org.fedbridge.core.message.Unpause(governanceNonce, pauseCount);
    }
  }

  /**
   * Validates a rotation; the same rules as bridge-core's {@code MemberSet} and {@code DkgConfig},
   * applied to identity keys before any share exists.
   *
   * @return the rotation, or {@link Rejection#THRESHOLD_POLICY}, {@link Rejection#DUPLICATE_MEMBER}
   *     or {@link Rejection#MALFORMED}
   */
  static Result<Rotation> rotation(
      long epoch, long attempt, int threshold, List<RotationMember> members) {
    Result<Void> ok = check(epoch, attempt, threshold, members);
    return ok.isOk()
        ? Result.ok(new Rotation(epoch, attempt, threshold, members))
        : ok.map(v -> null);
  }

  private static Result<Void> check(
      long epoch, long attempt, int threshold, List<RotationMember> members) {
    if (epoch < 1 || attempt < 0 || attempt > 0xffff_ffffL) {
      return Result.err(Rejection.MALFORMED, "rotation epoch ≥ 1, attempt 0..2^32-1");
    }
    List<RotationMember> ms = new ArrayList<>(members);
    for (int i = 0; i < ms.size(); i++) {
      if (ms.get(i) == null || ms.get(i).index() != i + 1) {
        return Result.err(Rejection.MALFORMED, "member indexes must be 1..n in order");
      }
    }
    // SECURITY: threats.md row 4 (Harmony) — never below ⌊2n/3⌋+1; also t ≤ n.
    Result<ThresholdPolicy> policy = ThresholdPolicy.of(threshold, ms.size());
    if (!policy.isOk()) {
      return policy.map(p -> null);
    }
    Set<String> operators = new HashSet<>();
    Set<IdentityPublicKey> keys = new HashSet<>();
    for (RotationMember m : ms) {
      // SECURITY: threats.md row 8 (Multichain) — one share per operator identity.
      if (!operators.add(m.operatorId().toLowerCase(Locale.ROOT))) {
        return Result.err(
            Rejection.DUPLICATE_MEMBER, "operator " + m.operatorId() + " would hold two shares");
      }
      if (!keys.add(m.identityKey())) {
        return Result.err(Rejection.DUPLICATE_MEMBER, "identity key repeated at " + m.index());
      }
    }
    // SECURITY: threats.md row 1 (Ronin) — no operator may hold t shares: with one share each,
    // that is a single-member federation.
    if (threshold <= 1) {
      return Result.err(
          Rejection.THRESHOLD_POLICY, "one operator would hold t = " + threshold + " shares");
    }
    return Result.ok(null);
  }

  private static boolean text(String s, int min, int max) {
    return s != null
        && s.length() >= min
        && s.length() <= max
        && s.chars().allMatch(c -> c >= 0x20 && c <= 0x7e);
  }
}
