package org.fedbridge.contracts;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import org.fedbridge.core.bls.Bls;
import org.fedbridge.core.bls.PublicKey;
import org.fedbridge.core.bls.SecretKey;
import org.fedbridge.core.message.Domain;
import org.fedbridge.core.message.SignedMessage;
import org.fedbridge.core.threshold.Member;
import org.fedbridge.core.threshold.MemberSet;
import org.fedbridge.core.threshold.PartialSignature;
import org.fedbridge.core.threshold.SecretShare;
import org.fedbridge.core.threshold.Shamir;
import org.fedbridge.core.threshold.ThresholdSigner;
import org.fedbridge.core.threshold.ThresholdVerifier;
import org.fedbridge.core.types.Bytes32;

/** A t-of-n federation with a trusted-dealer Shamir sharing made by bridge-core (test only). */
final class Federation {
  final int threshold;
  final List<SecretShare> shares;
  final PublicKey groupKey;
  final MemberSet members;

  private Federation(int threshold, List<SecretShare> shares, PublicKey groupKey, MemberSet m) {
    this.threshold = threshold;
    this.shares = shares;
    this.groupKey = groupKey;
    this.members = m;
  }

  /** Deterministic federation from a seed. */
  static Federation create(long seed, int t, int n) {
    BigInteger[] coeffs = new BigInteger[t];
    for (int k = 0; k < t; k++) {
      coeffs[k] = BigInteger.valueOf(seed).shiftLeft(64).add(BigInteger.valueOf(k * 7919L + 13));
    }
    PublicKey groupKey;
    try (SecretKey group = SecretKey.fromScalar(coeffs[0]).orThrow()) {
      groupKey = group.publicKey();
    }
    List<SecretShare> shares = Shamir.shares(coeffs, n);
    List<Member> list = new ArrayList<>();
    for (SecretShare s : shares) {
      list.add(new Member(s.index(), "operator-" + seed + "-" + s.index(), s.publicKey()));
    }
    return new Federation(t, shares, groupKey, MemberSet.of(list, t).orThrow());
  }

  /** The combined certificate of the first t members over {@code digest}, EIP-2537 encoded. */
  byte[] certify(Bytes32 digest) {
    List<PartialSignature> partials = new ArrayList<>();
    for (int i = 0; i < threshold; i++) {
      partials.add(ThresholdSigner.partialSign(shares.get(i), digest));
    }
    var signature = ThresholdVerifier.interpolate(partials).orThrow();
    if (!Bls.verify(groupKey, digest, signature)) {
      throw new IllegalStateException("combined signature does not verify");
    }
    return signature.toEip2537();
  }

  byte[] certify(SignedMessage message, Domain domain) {
    return certify(message.digest(domain));
  }

  /** One member's partial signature (not a certificate). */
  byte[] partial(int member, Bytes32 digest) {
    return ThresholdSigner.partialSign(shares.get(member), digest).signature().toEip2537();
  }
}
