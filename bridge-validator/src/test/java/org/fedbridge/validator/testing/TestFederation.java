package org.fedbridge.validator.testing;

import java.math.BigInteger;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import org.fedbridge.core.bls.PublicKey;
import org.fedbridge.core.bls.SecretKey;
import org.fedbridge.core.dkg.IdentityKey;
import org.fedbridge.core.dkg.IdentityPublicKey;
import org.fedbridge.core.message.Domain;
import org.fedbridge.core.threshold.Member;
import org.fedbridge.core.threshold.MemberSet;
import org.fedbridge.core.threshold.PartialSignature;
import org.fedbridge.core.threshold.SecretShare;
import org.fedbridge.core.threshold.Shamir;
import org.fedbridge.core.threshold.ThresholdSigner;
import org.fedbridge.core.threshold.ThresholdVerifier;
import org.fedbridge.core.types.Bytes32;
import org.fedbridge.core.types.Rejection;
import org.fedbridge.core.types.Result;
import org.fedbridge.validator.federation.EpochView;
import org.fedbridge.validator.federation.Federations;
import org.fedbridge.validator.keys.Signer;

/**
 * A t-of-n epoch-0 federation dealt with bridge-core's Shamir (test only: real federations come
 * from the DKG), with the {@link EpochView}, {@link Federations} and key {@link Signer} the keys
 * and federation features would provide.
 */
public final class TestFederation {
  public final List<SecretShare> shares;
  public final PublicKey groupKey;
  public final MemberSet members;
  private final Map<Integer, IdentityPublicKey> identities = new HashMap<>();

  private TestFederation(List<SecretShare> shares, PublicKey groupKey, MemberSet members) {
    this.shares = shares;
    this.groupKey = groupKey;
    this.members = members;
    SecureRandom rnd = new SecureRandom();
    for (SecretShare s : shares) {
      try (IdentityKey id = IdentityKey.random(rnd)) {
        identities.put(s.index(), id.publicKey());
      }
    }
  }

  /** Deterministic shares from a seed. */
  public static TestFederation create(long seed, int t, int n) {
    BigInteger[] coeffs = new BigInteger[t];
    for (int k = 0; k < t; k++) {
      coeffs[k] = BigInteger.valueOf(seed).shiftLeft(64).add(BigInteger.valueOf(k * 7919L + 17));
    }
    PublicKey groupKey;
    try (SecretKey group = SecretKey.fromScalar(coeffs[0]).orThrow()) {
      groupKey = group.publicKey();
    }
    List<SecretShare> shares = Shamir.shares(coeffs, n);
    List<Member> list = new ArrayList<>();
    for (SecretShare s : shares) {
      list.add(new Member(s.index(), "operator-" + s.index(), s.publicKey()));
    }
    return new TestFederation(shares, groupKey, MemberSet.of(list, t).orThrow());
  }

  /** The epoch as member {@code myIndex} sees it (0: not a member). */
  public EpochView epoch(Domain domain, int myIndex) {
    return new EpochView(
        domain.epoch().value().longValueExact(),
        domain,
        ThresholdVerifier.checked(groupKey, members).orThrow(),
        identities,
        myIndex == 0 ? OptionalInt.empty() : OptionalInt.of(myIndex));
  }

  /** A {@link Federations} whose current epoch is {@code view}. */
  public static Federations federations(EpochView view) {
    return new Federations() {
      @Override
      public Optional<EpochView> current() {
        return Optional.of(view);
      }

      @Override
      public Optional<EpochView> epoch(long number) {
        return number == view.epoch() ? Optional.of(view) : Optional.empty();
      }
    };
  }

  /** The group signature (first t members) over {@code digest}, EIP-2537 encoded for the vault. */
  public byte[] certify(Bytes32 digest) {
    List<PartialSignature> partials = new ArrayList<>();
    for (int i = 0; i < members.threshold(); i++) {
      partials.add(ThresholdSigner.partialSign(shares.get(i), digest));
    }
    return ThresholdVerifier.interpolate(partials).orThrow().toEip2537();
  }

  /** Member {@code index}'s key signer for {@code epoch} (refuses other epochs). */
  public Signer signer(int index, long epoch) {
    SecretShare share = shares.get(index - 1);
    return (e, digest) ->
        e == epoch
            ? Result.ok(ThresholdSigner.partialSign(share, digest))
            : Result.err(Rejection.UNKNOWN_MEMBER, "no share for epoch " + e);
  }
}
