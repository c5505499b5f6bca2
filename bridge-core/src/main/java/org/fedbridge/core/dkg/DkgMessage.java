package org.fedbridge.core.dkg;

import java.math.BigInteger;
import java.util.List;
import org.fedbridge.core.bls.PublicKey;
import org.fedbridge.core.types.Bytes32;
import org.fedbridge.core.types.Rejection;
import org.fedbridge.core.types.Result;

/**
 * The three broadcast messages of the Joint-Feldman DKG (Pedersen 1991, with the complaint /
 * justification rounds of Gennaro-Jarecki-Krawczyk-Rabin 2007 §4). Each is signed by its sender's
 * identity key over {@link #signingHash()}; records hold byte arrays, so compare them by {@code
 * signingHash()}, not {@code equals}.
 */
public sealed interface DkgMessage {
  Bytes32 session();

  /** Index of the member who sent (and signed) this message. */
  int sender();

  byte[] signature();

  /** keccak256 of the unambiguous encoding of every field except the signature. */
  Bytes32 signingHash();

  /** Checks session and the sender's signature. */
  default Result<Void> authenticate(DkgConfig config) {
    if (!session().equals(config.sessionId())) {
      return Result.err(Rejection.BAD_MESSAGE, "other session");
    }
    if (sender() < 1 || sender() > config.n()) {
      return Result.err(Rejection.UNKNOWN_MEMBER, "sender " + sender());
    }
    // SECURITY: Kafka is untrusted; only the member's identity key can speak for it.
    if (!config.member(sender()).identity().verify(signingHash(), signature())) {
      return Result.err(Rejection.BAD_MESSAGE, "bad signature from " + sender());
    }
    return Result.ok(null);
  }

  /**
   * A dealer's round-1 broadcast: Feldman commitments {@code C_k = a_k · G2} to its polynomial and
   * one ciphertext per member {@code j} of {@code f(j)} (index {@code j-1}).
   */
  record Deal(
      Bytes32 session,
      int dealer,
      List<PublicKey> commitments,
      List<byte[]> encryptedShares,
      byte[] signature)
      implements DkgMessage {
    public Deal {
      commitments = List.copyOf(commitments);
      encryptedShares = encryptedShares.stream().map(byte[]::clone).toList();
    }

    @Override
    public int sender() {
      return dealer;
    }

    @Override
    public Bytes32 signingHash() {
      Wire w = new Wire("fedbridge.dkg.Deal.v1").b32(session).u32(dealer).u32(commitments.size());
      commitments.forEach(c -> w.bytes(c.toCompressed()));
      w.u32(encryptedShares.size());
      encryptedShares.forEach(w::bytes);
      return w.hash();
    }

    Deal signed(IdentityKey key) {
      return new Deal(session, dealer, commitments, encryptedShares, key.sign(signingHash()));
    }
  }

  /** Round 2: {@code complainer} says {@code dealer}'s share for it is missing or wrong. */
  record Complaint(Bytes32 session, int complainer, int dealer, byte[] signature)
      implements DkgMessage {
    @Override
    public int sender() {
      return complainer;
    }

    @Override
    public Bytes32 signingHash() {
      return new Wire("fedbridge.dkg.Complaint.v1").b32(session).u32(complainer).u32(dealer).hash();
    }

    Complaint signed(IdentityKey key) {
      return new Complaint(session, complainer, dealer, key.sign(signingHash()));
    }
  }

  /**
   * Round 3: {@code dealer} answers a complaint by revealing {@code f(complainer)} in clear
   * (32-byte big-endian scalar); everyone checks it against the commitments.
   */
  record Justification(Bytes32 session, int dealer, int complainer, byte[] share, byte[] signature)
      implements DkgMessage {
    public Justification {
      share = share.clone();
    }

    @Override
    public int sender() {
      return dealer;
    }

    @Override
    public Bytes32 signingHash() {
      return new Wire("fedbridge.dkg.Justification.v1")
          .b32(session)
          .u32(dealer)
          .u32(complainer)
          .bytes(share)
          .hash();
    }

    BigInteger shareScalar() {
      return new BigInteger(1, share);
    }

    Justification signed(IdentityKey key) {
      return new Justification(session, dealer, complainer, share, key.sign(signingHash()));
    }
  }
}
