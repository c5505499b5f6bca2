package org.fedbridge.devnet;

import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import org.fedbridge.core.bls.PublicKey;
import org.fedbridge.core.bls.SecretKey;
import org.fedbridge.core.threshold.Member;
import org.fedbridge.core.threshold.MemberSet;
import org.fedbridge.core.threshold.SecretShare;
import org.fedbridge.core.threshold.Shamir;
import org.fedbridge.core.threshold.ThresholdPolicy;

/**
 * The devnet's epoch-0 federation. SECURITY: a trusted dealer splits a fresh group secret here,
 * which is acceptable only on a throwaway local devnet; real federations run the DKG, where no one
 * ever holds the group secret.
 */
record DevFederation(ThresholdPolicy policy, PublicKey groupKey, List<Member> members) {

  static DevFederation deal(int n) {
    ThresholdPolicy policy = ThresholdPolicy.defaultFor(n);
    SecureRandom random = new SecureRandom();
    try (SecretKey group = SecretKey.random(random)) {
      List<Member> members = new ArrayList<>(n);
      for (SecretShare share : Shamir.split(group, policy, random)) {
        try (share) {
          members.add(new Member(share.index(), operatorId(share.index()), share.publicKey()));
        }
      }
      return new DevFederation(policy, group.publicKey(), List.copyOf(members));
    }
  }

  /** The member set as the vault and the sidechain see it (threshold, members hash). */
  MemberSet memberSet() {
    return MemberSet.of(members, policy.threshold()).orThrow();
  }

  static String operatorId(int index) {
    return "devnet-op-" + index;
  }
}
