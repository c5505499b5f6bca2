package org.fedbridge.core.threshold;

import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import org.fedbridge.core.bls.PublicKey;
import org.fedbridge.core.bls.SecretKey;

/** A trusted-dealer sharing for tests. */
record Fixtures(SecretKey groupSecret, List<SecretShare> shares, MemberSet members) {

  static Fixtures deal(int t, int n, SecureRandom rnd) {
    SecretKey g = SecretKey.random(rnd);
    List<SecretShare> shares = Shamir.split(g, new ThresholdPolicy(t, n), rnd);
    List<Member> ms = new ArrayList<>();
    for (SecretShare s : shares) {
      ms.add(new Member(s.index(), "operator-" + s.index(), s.publicKey()));
    }
    return new Fixtures(g, shares, MemberSet.of(ms, t).orThrow());
  }

  PublicKey groupKey() {
    return groupSecret.publicKey();
  }

  ThresholdVerifier verifier() {
    return new ThresholdVerifier(groupKey(), members);
  }
}
