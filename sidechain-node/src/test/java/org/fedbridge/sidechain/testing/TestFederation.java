package org.fedbridge.sidechain.testing;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.fedbridge.core.bls.Bls;
import org.fedbridge.core.bls.Fields;
import org.fedbridge.core.bls.PublicKey;
import org.fedbridge.core.bls.SecretKey;
import org.fedbridge.core.bls.Signature;
import org.fedbridge.core.message.Deposit;
import org.fedbridge.core.message.DepositBatch;
import org.fedbridge.core.message.Domain;
import org.fedbridge.core.message.EpochChange;
import org.fedbridge.core.threshold.Member;
import org.fedbridge.core.threshold.MemberSet;
import org.fedbridge.core.threshold.SecretShare;
import org.fedbridge.core.threshold.Shamir;
import org.fedbridge.core.types.Address;
import org.fedbridge.core.types.Keccak;
import org.fedbridge.core.types.UInt256;
import org.fedbridge.sidechain.genesis.Epoch;
import org.fedbridge.sidechain.ledger.DepositCertificate;
import org.fedbridge.sidechain.ledger.EpochCertificate;

/**
 * A deterministic 3-of-3 federation for tests (trusted dealer). Signing with the group secret gives
 * the same signature the members' combined partials would.
 */
public final class TestFederation {
  public static final long L1_CHAIN_ID = 31337;
  public static final Address VAULT = Address.fromHex("0x5fbdb2315678afecb367f032d93f642f64180aa3");

  private final SecretKey groupSecret;
  private final Epoch epoch;

  private TestFederation(SecretKey groupSecret, Epoch epoch) {
    this.groupSecret = groupSecret;
    this.epoch = epoch;
  }

  /** The federation of {@code epoch}, derived from {@code seed}. */
  public static TestFederation of(String seed, long epoch) {
    BigInteger[] coeffs = new BigInteger[3];
    for (int i = 0; i < coeffs.length; i++) {
      byte[] h = Keccak.hashBytes((seed + "/" + i).getBytes(StandardCharsets.UTF_8));
      coeffs[i] = new BigInteger(1, h).mod(Fields.R);
    }
    SecretKey group = SecretKey.fromScalar(coeffs[0]).orThrow();
    List<SecretShare> shares = Shamir.shares(coeffs.clone(), 3);
    List<Member> members = new ArrayList<>();
    for (SecretShare s : shares) {
      members.add(new Member(s.index(), seed + "-op-" + s.index(), s.publicKey()));
    }
    return new TestFederation(
        group, new Epoch(epoch, group.publicKey(), MemberSet.of(members, 3).orThrow()));
  }

  public static TestFederation epoch0() {
    return of("fedbridge-test-federation", 0);
  }

  public Epoch epoch() {
    return epoch;
  }

  public PublicKey groupKey() {
    return epoch.groupKey();
  }

  public static Domain domain(long sidechainId, long epoch) {
    return new Domain(UInt256.of(L1_CHAIN_ID), VAULT, UInt256.of(sidechainId), UInt256.of(epoch));
  }

  public Signature sign(org.fedbridge.core.types.Bytes32 digest) {
    return Bls.sign(groupSecret, digest);
  }

  /** A correctly signed deposit certificate for {@code sidechainId} in this federation's epoch. */
  public DepositCertificate deposits(long sidechainId, long batchId, List<Deposit> deposits) {
    DepositBatch batch = DepositBatch.of(UInt256.of(batchId), deposits);
    return new DepositCertificate(
        epoch.number(),
        UInt256.of(batchId),
        deposits,
        sign(batch.digest(domain(sidechainId, epoch.number()))));
  }

  /** This federation hands over to {@code next}. */
  public EpochCertificate handOver(long sidechainId, TestFederation next) {
    EpochChange change =
        new EpochChange(UInt256.of(next.epoch.number()), next.groupKey(), next.epoch.members());
    return new EpochCertificate(
        epoch.number(),
        next.epoch.number(),
        next.groupKey(),
        next.epoch.members(),
        sign(change.digest(domain(sidechainId, epoch.number()))));
  }

  public static Deposit deposit(long nonce, Address token, Address recipient, BigInteger amount) {
    return new Deposit(
        UInt256.of(nonce),
        token,
        Address.fromHex("0x00000000000000000000000000000000000000aa"),
        recipient,
        new UInt256(amount));
  }
}
