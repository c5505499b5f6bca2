package org.fedbridge.validator.consensus;

import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import org.fedbridge.core.bls.SecretKey;
import org.fedbridge.core.dkg.IdentityKey;
import org.fedbridge.core.dkg.IdentityPublicKey;
import org.fedbridge.core.message.Domain;
import org.fedbridge.core.threshold.Member;
import org.fedbridge.core.threshold.MemberSet;
import org.fedbridge.core.threshold.SecretShare;
import org.fedbridge.core.threshold.Shamir;
import org.fedbridge.core.threshold.ThresholdPolicy;
import org.fedbridge.core.threshold.ThresholdSigner;
import org.fedbridge.core.threshold.ThresholdVerifier;
import org.fedbridge.core.types.Address;
import org.fedbridge.core.types.Bytes32;
import org.fedbridge.core.types.UInt256;
import org.fedbridge.validator.batch.ObservedBatch;
import org.fedbridge.validator.federation.EpochView;
import org.fedbridge.validator.federation.Federations;
import org.fedbridge.validator.keys.IdentitySigner;
import org.fedbridge.validator.signing.SignedPartial;

/**
 * A federation for tests: shares dealt with bridge-core's Shamir, identity keys from {@code
 * IdentityKey.random}, one epoch. (Production federations come from the DKG.)
 */
final class TestFederation {
  static final Address VAULT = Address.fromHex("0x5FbDB2315678afecb367f032d93F642f64180aa3");

  final long epoch;
  final int n;
  final int t;
  final List<SecretShare> shares;
  final List<IdentityKey> identities = new ArrayList<>();
  final ThresholdVerifier verifier;
  final Domain domain;
  final Map<Integer, IdentityPublicKey> identityMap = new HashMap<>();

  TestFederation(long epoch, int n, String operatorPrefix, SecureRandom rnd) {
    this.epoch = epoch;
    this.n = n;
    this.t = ThresholdPolicy.minimumThreshold(n);
    SecretKey group = SecretKey.random(rnd);
    shares = Shamir.split(group, new ThresholdPolicy(t, n), rnd);
    List<Member> members = new ArrayList<>();
    for (SecretShare s : shares) {
      members.add(new Member(s.index(), operatorPrefix + s.index(), s.publicKey()));
      IdentityKey id = IdentityKey.random(rnd);
      identities.add(id);
      identityMap.put(s.index(), id.publicKey());
    }
    verifier =
        ThresholdVerifier.checked(group.publicKey(), MemberSet.of(members, t).orThrow()).orThrow();
    domain = new Domain(UInt256.of(31337), VAULT, UInt256.of(1337), UInt256.of(epoch));
  }

  EpochView view(int myIndex) {
    return new EpochView(
        epoch,
        domain,
        verifier,
        identityMap,
        myIndex == 0 ? OptionalInt.empty() : OptionalInt.of(myIndex));
  }

  IdentityKey identity(int index) {
    return identities.get(index - 1);
  }

  IdentitySigner signer(int index) {
    return signer(identity(index));
  }

  /** An identity signer over {@code key}. */
  static IdentitySigner signer(IdentityKey key) {
    return new IdentitySigner() {
      @Override
      public IdentityPublicKey publicKey() {
        return key.publicKey();
      }

      @Override
      public byte[] sign(Bytes32 hash) {
        return key.sign(hash);
      }
    };
  }

  /** Member {@code index}'s honest partial over the batch. */
  SignedPartial partial(int index, ObservedBatch batch) {
    Bytes32 digest = batch.message().digest(domain);
    return new SignedPartial(
        batch.type(),
        epoch,
        batch.batchId(),
        digest,
        ThresholdSigner.partialSign(shares.get(index - 1), digest));
  }

  /** The federations a member of these epochs sees, {@code current} being active. */
  static Federations federations(TestFederation current, int myIndex, TestFederation... others) {
    return new Federations() {
      @Override
      public Optional<EpochView> current() {
        return Optional.of(current.view(myIndex));
      }

      @Override
      public Optional<EpochView> epoch(long number) {
        if (number == current.epoch) {
          return current();
        }
        for (TestFederation f : others) {
          if (f.epoch == number) {
            return Optional.of(f.view(0));
          }
        }
        return Optional.empty();
      }
    };
  }
}
