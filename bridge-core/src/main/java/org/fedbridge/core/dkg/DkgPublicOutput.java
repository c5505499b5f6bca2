package org.fedbridge.core.dkg;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.fedbridge.core.bls.PublicKey;
import org.fedbridge.core.threshold.Member;
import org.fedbridge.core.threshold.MemberSet;
import org.fedbridge.core.types.Result;

/**
 * What a DKG run publishes: the group key, every member's share public key (index {@code i} at
 * position {@code i-1}), and the qualified dealers whose polynomials make up the key.
 */
public record DkgPublicOutput(
    PublicKey groupKey, List<PublicKey> sharePublicKeys, Set<Integer> qualified) {
  public DkgPublicOutput {
    sharePublicKeys = List.copyOf(sharePublicKeys);
    qualified = Set.copyOf(qualified);
  }

  public PublicKey sharePublicKey(int index) {
    return sharePublicKeys.get(index - 1);
  }

  /**
   * The epoch's member set (operator ids from the config, share keys from this output), ready for
   * an {@code EpochChange} and a {@code ThresholdVerifier}.
   */
  public Result<MemberSet> memberSet(DkgConfig config) {
    List<Member> members = new ArrayList<>(config.n());
    for (DkgMember m : config.members()) {
      members.add(new Member(m.index(), m.operatorId(), sharePublicKey(m.index())));
    }
    return MemberSet.of(members, config.t());
  }
}
