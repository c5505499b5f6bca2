package org.fedbridge.core.dkg;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.fedbridge.core.threshold.ThresholdPolicy;
import org.fedbridge.core.types.Bytes32;
import org.fedbridge.core.types.Rejection;
import org.fedbridge.core.types.Result;

/**
 * The public parameters of one DKG run. {@code sessionId} must be unique per run (see {@link
 * DkgSessionId}) and is bound into every message and ciphertext, so nothing from another run can be
 * replayed into this one; {@link #hash()} binds the whole configuration (session, threshold,
 * members).
 */
public final class DkgConfig {
  private final Bytes32 sessionId;
  private final List<DkgMember> members;
  private final ThresholdPolicy policy;
  private final Bytes32 hash;

  private DkgConfig(Bytes32 sessionId, List<DkgMember> members, ThresholdPolicy policy) {
    this.sessionId = sessionId;
    this.members = members;
    this.policy = policy;
    Wire w = new Wire("fedbridge.dkg.Config.v1").b32(sessionId).u32(policy.threshold());
    w.u32(members.size());
    for (DkgMember m : members) {
      w.u32(m.index())
          .bytes(m.operatorId().getBytes(StandardCharsets.US_ASCII))
          .bytes(m.identity().compressed());
    }
    this.hash = w.hash();
  }

  /**
   * Validates and builds a configuration.
   *
   * @return the config, or {@link Rejection#THRESHOLD_POLICY} (threats.md row 4), {@link
   *     Rejection#DUPLICATE_MEMBER} (an operator or identity key twice: row 8), {@link
   *     Rejection#MALFORMED} (indexes not exactly 1..n)
   */
  public static Result<DkgConfig> of(Bytes32 sessionId, List<DkgMember> members, int threshold) {
    List<DkgMember> sorted = new ArrayList<>(members);
    sorted.sort((a, b) -> Integer.compare(a.index(), b.index()));
    for (int i = 0; i < sorted.size(); i++) {
      if (sorted.get(i).index() != i + 1) {
        return Result.err(Rejection.MALFORMED, "member indexes must be exactly 1..n");
      }
    }
    Set<String> operators = new HashSet<>();
    Set<IdentityPublicKey> identities = new HashSet<>();
    for (DkgMember m : sorted) {
      // SECURITY: threats.md row 8 — one operator identity, one share per epoch. Operator ids are
      // plain lowercase ASCII (DkgMember), so equal strings are the only way to be one operator.
      if (!operators.add(m.operatorId())) {
        return Result.err(
            Rejection.DUPLICATE_MEMBER, "operator " + m.operatorId() + " would hold two shares");
      }
      if (!identities.add(m.identity())) {
        return Result.err(Rejection.DUPLICATE_MEMBER, "identity key repeated at " + m.index());
      }
    }
    // SECURITY: threats.md row 4 — the DKG refuses a threshold below ⌊2n/3⌋+1.
    return ThresholdPolicy.of(threshold, sorted.size())
        .map(p -> new DkgConfig(sessionId, List.copyOf(sorted), p));
  }

  public Bytes32 sessionId() {
    return sessionId;
  }

  /** keccak256 of the session id, threshold and every member (index, operator id, identity). */
  public Bytes32 hash() {
    return hash;
  }

  public List<DkgMember> members() {
    return members;
  }

  public DkgMember member(int index) {
    return members.get(index - 1);
  }

  public int n() {
    return members.size();
  }

  public int t() {
    return policy.threshold();
  }

  public ThresholdPolicy policy() {
    return policy;
  }
}
