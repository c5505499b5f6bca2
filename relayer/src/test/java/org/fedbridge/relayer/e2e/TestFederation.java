package org.fedbridge.relayer.e2e;

import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import org.fedbridge.core.bls.PublicKey;
import org.fedbridge.core.bls.SecretKey;
import org.fedbridge.core.bls.Signature;
import org.fedbridge.core.dkg.IdentityKey;
import org.fedbridge.core.threshold.Member;
import org.fedbridge.core.threshold.MemberSet;
import org.fedbridge.core.threshold.PartialSignature;
import org.fedbridge.core.threshold.SecretShare;
import org.fedbridge.core.threshold.Shamir;
import org.fedbridge.core.threshold.ThresholdPolicy;
import org.fedbridge.core.threshold.ThresholdSigner;
import org.fedbridge.core.threshold.ThresholdVerifier;
import org.fedbridge.core.types.Bytes32;

/**
 * A dealt t-of-n federation for tests (test only: real federations run the DKG). It signs as the
 * validators will: each member a partial, any t combined into the certificate.
 */
final class TestFederation {
  final ThresholdPolicy policy;
  final PublicKey groupKey;
  final MemberSet members;
  private final List<SecretShare> shares;
  private final List<IdentityKey> identities = new ArrayList<>();

  private TestFederation(ThresholdPolicy policy, PublicKey groupKey, List<SecretShare> shares) {
    this.policy = policy;
    this.groupKey = groupKey;
    this.shares = shares;
    List<Member> list = new ArrayList<>();
    for (SecretShare s : shares) {
      list.add(new Member(s.index(), "relayer-test-op-" + s.index(), s.publicKey()));
    }
    this.members = MemberSet.of(list, policy.threshold()).orThrow();
    SecureRandom random = new SecureRandom();
    for (int i = 0; i < shares.size(); i++) {
      identities.add(IdentityKey.random(random));
    }
  }

  /** Member {@code index}'s identity key, which signs what it publishes on Kafka. */
  IdentityKey identity(int index) {
    return identities.get(index - 1);
  }

  static TestFederation deal(int t, int n) {
    SecureRandom random = new SecureRandom();
    try (SecretKey group = SecretKey.random(random)) {
      ThresholdPolicy policy = ThresholdPolicy.of(t, n).orThrow();
      return new TestFederation(policy, group.publicKey(), Shamir.split(group, policy, random));
    }
  }

  /** Partial signatures of the first {@code k} members. */
  List<PartialSignature> partials(Bytes32 digest, int k) {
    List<PartialSignature> out = new ArrayList<>();
    for (int i = 0; i < k; i++) {
      out.add(ThresholdSigner.partialSign(shares.get(i), digest));
    }
    return out;
  }

  /** The certificate: t partials combined and verified under the group key. */
  Signature certify(Bytes32 digest) {
    return new ThresholdVerifier(groupKey, members)
        .combine(digest, partials(digest, policy.threshold()))
        .orThrow()
        .signature();
  }
}
