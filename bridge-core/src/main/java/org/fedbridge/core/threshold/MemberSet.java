package org.fedbridge.core.threshold;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.fedbridge.core.types.Bytes32;
import org.fedbridge.core.types.Keccak;
import org.fedbridge.core.types.OperatorId;
import org.fedbridge.core.types.Rejection;
import org.fedbridge.core.types.Result;
import org.fedbridge.core.types.UInt256;

/**
 * An epoch's members with its threshold: indexes exactly {@code 1..n} in order, one share per
 * operator identity, distinct share keys, and a threshold allowed by {@link ThresholdPolicy}. Build
 * with {@link #of}; every instance satisfies these rules.
 */
public final class MemberSet {
  private final List<Member> members;
  private final ThresholdPolicy policy;

  private MemberSet(List<Member> members, ThresholdPolicy policy) {
    this.members = members;
    this.policy = policy;
  }

  /**
   * Validates and builds a member set.
   *
   * @return the set, or {@link Rejection#DUPLICATE_MEMBER} (two shares for one operator, or one
   *     share key twice), {@link Rejection#MALFORMED} (indexes not 1..n, or an operator id outside
   *     the {@link OperatorId} rule) or {@link Rejection#THRESHOLD_POLICY}
   */
  public static Result<MemberSet> of(List<Member> members, int threshold) {
    List<Member> sorted = new ArrayList<>(members);
    sorted.sort((a, b) -> Integer.compare(a.index(), b.index()));
    for (int i = 0; i < sorted.size(); i++) {
      if (sorted.get(i).index() != i + 1) {
        return Result.err(Rejection.MALFORMED, "member indexes must be exactly 1..n");
      }
    }
    Set<String> operators = new HashSet<>();
    Set<Object> keys = new HashSet<>();
    for (Member m : sorted) {
      // SECURITY: issue 9 item 15 — plain ASCII operator ids, so no lookalike is a second operator.
      if (!OperatorId.isValid(m.operatorId())) {
        return OperatorId.check(m.operatorId()).map(x -> null);
      }
      // SECURITY: threats.md row 8 (Multichain) — one operator identity holds at most one share
      // per epoch. Identities compare case-insensitively so "Acme" and "acme" are one operator.
      if (!operators.add(normalize(m.operatorId()))) {
        return Result.err(
            Rejection.DUPLICATE_MEMBER, "operator " + m.operatorId() + " holds two shares");
      }
      if (!keys.add(m.sharePk())) {
        return Result.err(Rejection.DUPLICATE_MEMBER, "share key repeated at " + m.index());
      }
    }
    return ThresholdPolicy.of(threshold, sorted.size())
        .map(p -> new MemberSet(Collections.unmodifiableList(sorted), p));
  }

  static String normalize(String operatorId) {
    return operatorId.strip().toLowerCase(Locale.ROOT);
  }

  public List<Member> members() {
    return members;
  }

  public ThresholdPolicy policy() {
    return policy;
  }

  public int threshold() {
    return policy.threshold();
  }

  public int size() {
    return members.size();
  }

  /** The member with share index {@code index} (1-based). */
  public Member member(int index) {
    return members.get(index - 1);
  }

  /**
   * {@code keccak256(abi.encode(index_1, keccak256(operatorId_1), keccak256(sharePk_1), …))} over
   * members in index order; {@code operatorId} as UTF-8 and {@code sharePk} in the 256-byte
   * EIP-2537 form (docs/encoding.md).
   */
  public Bytes32 membersHash() {
    byte[] buf = new byte[members.size() * 96];
    int off = 0;
    for (Member m : members) {
      System.arraycopy(UInt256.of(m.index()).toWord(), 0, buf, off, 32);
      Keccak.hash(m.operatorId().getBytes(StandardCharsets.UTF_8)).copyTo(buf, off + 32);
      Keccak.hash(m.sharePk().toEip2537()).copyTo(buf, off + 64);
      off += 96;
    }
    return Keccak.hash(buf);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof MemberSet other
        && members.equals(other.members)
        && policy.equals(other.policy);
  }

  @Override
  public int hashCode() {
    return members.hashCode() * 31 + policy.hashCode();
  }

  @Override
  public String toString() {
    return "MemberSet(" + policy.threshold() + "-of-" + members.size() + ")";
  }
}
