package org.fedbridge.core.dkg;

import java.math.BigInteger;
import java.util.List;
import org.fedbridge.core.bls.PublicKey;
import org.fedbridge.core.types.Bytes32;
import org.fedbridge.core.types.Rejection;
import org.fedbridge.core.types.Result;

/**
 * The records of a DKG run on its ordered log: the three protocol messages of Joint-Feldman with
 * complaints (Pedersen 1991; complaint and justification rounds of Gennaro-Jarecki-Krawczyk-Rabin
 * 2007 §4), the round-end votes that close each round at an agreed log position, and the
 * confirmations that make the key usable (see {@link DkgLog}). Each is signed by its sender's
 * identity key over {@link #signingHash()}, the hash of its {@link DkgCodec} encoding without the
 * signature; records hold byte arrays, so compare them by {@code signingHash()}, not {@code
 * equals}.
 */
public sealed interface DkgMessage {
  Bytes32 session();

  /** Index of the member who sent (and signed) this message. */
  int sender();

  byte[] signature();

  /** {@code keccak256(tag ‖ encoding without the signature)}: what the sender signs. */
  default Bytes32 signingHash() {
    return DkgCodec.signingHash(DkgCodec.body(this));
  }

  /** Checks session, sender and the sender's signature (for messages not from {@link DkgCodec}). */
  default Result<Void> authenticate(DkgConfig config) {
    if (!session().equals(config.sessionId())) {
      return Result.err(Rejection.BAD_MESSAGE, "other session");
    }
    if (sender() < 1 || sender() > config.n()) {
      return Result.err(Rejection.UNKNOWN_MEMBER, "sender " + sender());
    }
    // SECURITY: Kafka is untrusted; only the member's identity key can speak for it.
    if (!config.member(sender()).identity().verify(signingHash(), signature())) {
      return Result.err(Rejection.BAD_SIGNATURE, "bad signature from " + sender());
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
      signature = signature.clone();
    }

    @Override
    public int sender() {
      return dealer;
    }

    Deal signed(IdentityKey key) {
      return new Deal(session, dealer, commitments, encryptedShares, key.sign(signingHash()));
    }
  }

  /** Round 2: {@code complainer} says {@code dealer}'s share for it is missing or wrong. */
  record Complaint(Bytes32 session, int complainer, int dealer, byte[] signature)
      implements DkgMessage {
    public Complaint {
      signature = signature.clone();
    }

    @Override
    public int sender() {
      return complainer;
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
      signature = signature.clone();
    }

    @Override
    public int sender() {
      return dealer;
    }

    BigInteger shareScalar() {
      return new BigInteger(1, share);
    }

    Justification signed(IdentityKey key) {
      return new Justification(session, dealer, complainer, share, key.sign(signingHash()));
    }
  }

  /**
   * A vote to close {@code round} (1 deal, 2 complaint, 3 justification): {@code timedOut} false
   * means "I have published everything I have for this round", true means "my deadline for this
   * round has passed". {@link DkgLog} closes a round at the record that completes n "done" votes or
   * t "timed out" votes.
   */
  record RoundEnd(Bytes32 session, int sender, int round, boolean timedOut, byte[] signature)
      implements DkgMessage {
    public RoundEnd {
      signature = signature.clone();
    }

    RoundEnd signed(IdentityKey key) {
      return new RoundEnd(session, sender, round, timedOut, key.sign(signingHash()));
    }
  }

  /**
   * After the last round: {@code sender} computed {@code outcome} = hash(qualified set, group key,
   * transcript hash) and holds a share that matches it ({@link DkgLog#outcomeHash}).
   */
  record Confirmation(Bytes32 session, int sender, Bytes32 outcome, byte[] signature)
      implements DkgMessage {
    public Confirmation {
      signature = signature.clone();
    }

    Confirmation signed(IdentityKey key) {
      return new Confirmation(session, sender, outcome, key.sign(signingHash()));
    }
  }
}
