package org.fedbridge.core.dkg;

import java.math.BigInteger;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.fedbridge.core.bls.Fields;
import org.fedbridge.core.bls.PublicKey;
import org.fedbridge.core.bls.SecretKey;
import org.fedbridge.core.dkg.DkgMessage.Complaint;
import org.fedbridge.core.dkg.DkgMessage.Deal;
import org.fedbridge.core.dkg.DkgMessage.Justification;
import org.fedbridge.core.threshold.SecretShare;
import org.fedbridge.core.types.Bytes32;
import org.fedbridge.core.types.Rejection;
import org.fedbridge.core.types.Result;
import supranational.blst.P2;

/**
 * One member's side of a Joint-Feldman DKG with complaints (Pedersen 1991; complaint handling as in
 * Gennaro-Jarecki-Krawczyk-Rabin 2007 §4, without their Pedersen-commitment round: the resulting
 * key may be biased by a rushing adversary, which GJKR's own follow-up "Secure Applications of
 * Pedersen's DKG" shows is harmless for threshold signatures such as BLS; docs/security.md).
 *
 * <p>A transport-independent state machine: the caller feeds broadcast messages in with {@link
 * #receive}, moves the rounds on with {@link #endDealRound()}, {@link #endComplaintRound()} and
 * {@link #finish()}, and broadcasts what they return. {@link DkgRun} drives it over an ordered log.
 *
 * <p>SECURITY: the messages this member produces count only when they come back through {@link
 * #receive}, like everyone else's: rounds end at agreed log positions, and a member that counted
 * its own deal, complaint or justification at once would, whenever that message reached the log
 * after the round's end, evaluate a different transcript than everyone else (a forked qualified set
 * and group key).
 *
 * <p>The deal is a deterministic function of the identity key, the configuration and a 32-byte
 * dealing seed: a member that crashed after publishing can rebuild the very same deal (and answer
 * complaints against it) from the seed it recorded before publishing, instead of dealing a second,
 * different polynomial. Not thread-safe.
 */
public final class DkgSession {
  /** Where the session is. */
  public enum Round {
    NEW,
    DEAL,
    COMPLAINT,
    JUSTIFICATION,
    DONE
  }

  private final DkgConfig config;
  private final int me;
  private final IdentityKey identity;
  private final byte[] dealSeed;
  private final SecureRandom weights = new SecureRandom();
  private final List<Deal> deals = new ArrayList<>();
  private final List<Complaint> complaints = new ArrayList<>();
  private final List<Justification> justifications = new ArrayList<>();
  private final Set<Bytes32> seen = new HashSet<>();
  private final Map<Integer, BigInteger> received = new HashMap<>();
  private BigInteger[] myShares; // f_me(j) for j = 1..n, kept to answer complaints
  private Round round = Round.NEW;

  /**
   * @param dealSeed 32 random bytes, recorded by the caller before the deal is published and reused
   *     after a restart
   */
  public DkgSession(DkgConfig config, int me, IdentityKey identity, byte[] dealSeed) {
    if (me < 1 || me > config.n()) {
      throw new IllegalArgumentException("index " + me + " not a member");
    }
    if (!config.member(me).identity().equals(identity.publicKey())) {
      throw new IllegalArgumentException("identity key does not match member " + me);
    }
    if (dealSeed == null || dealSeed.length != 32) {
      throw new IllegalArgumentException("the dealing seed must be 32 bytes");
    }
    this.config = config;
    this.me = me;
    this.identity = identity;
    this.dealSeed = dealSeed.clone();
  }

  public Round round() {
    return round;
  }

  public int index() {
    return me;
  }

  /**
   * Round 1: the polynomial from the dealing seed; returns the deal (commitments and encrypted
   * shares) to broadcast. The same seed gives the same deal, byte for byte.
   */
  public List<DkgMessage> start() {
    requireRound(Round.NEW);
    round = Round.DEAL;
    int t = config.t();
    int n = config.n();
    DealingRandomness dr = new DealingRandomness(identity, dealSeed, config);
    BigInteger[] coeffs = new BigInteger[t];
    List<PublicKey> commitments = new ArrayList<>(t);
    for (int k = 0; k < t; k++) {
      try (SecretKey a = dr.coefficient(k)) {
        coeffs[k] = a.toScalar();
        commitments.add(a.publicKey());
      }
    }
    myShares = new BigInteger[n + 1];
    List<IdentityPublicKey> recipients = new ArrayList<>(n);
    List<byte[]> plains = new ArrayList<>(n);
    List<byte[]> aads = new ArrayList<>(n);
    for (int j = 1; j <= n; j++) {
      myShares[j] = evaluate(coeffs, j);
      recipients.add(config.member(j).identity());
      plains.add(toBytes32(myShares[j]));
      aads.add(Wire.shareAad(config.sessionId(), me, j));
    }
    List<byte[]> boxes;
    try (IdentityKey eph = dr.ephemeral()) {
      boxes = Ecies.encrypt(recipients, plains, aads, eph);
    }
    plains.forEach(p -> Arrays.fill(p, (byte) 0));
    Arrays.fill(coeffs, BigInteger.ZERO);
    dr.close();
    return List.of(
        new Deal(config.sessionId(), me, commitments, boxes, new byte[0]).signed(identity));
  }

  /**
   * Accepts a broadcast message of the current round, this member's own included (it counts only
   * once it comes back from the log). Messages of another session, with a bad signature, or of
   * another round are refused (and not recorded); exact repeats are ignored.
   */
  public Result<Void> receive(DkgMessage m) {
    Round expected;
    if (m instanceof Deal) {
      expected = Round.DEAL;
    } else if (m instanceof Complaint) {
      expected = Round.COMPLAINT;
    } else if (m instanceof Justification) {
      expected = Round.JUSTIFICATION;
    } else {
      return Result.err(Rejection.BAD_MESSAGE, m.getClass().getSimpleName() + " is not for here");
    }
    Result<Void> auth = m.authenticate(config);
    if (!auth.isOk()) {
      return auth;
    }
    if (round != expected) {
      return Result.err(Rejection.BAD_MESSAGE, m.getClass().getSimpleName() + " in round " + round);
    }
    if (!seen.add(m.signingHash())) {
      return Result.ok(null);
    }
    if (m instanceof Deal d) {
      deals.add(d);
    } else if (m instanceof Complaint c) {
      complaints.add(c);
    } else {
      justifications.add((Justification) m);
    }
    return Result.ok(null);
  }

  /**
   * End of round 1: decrypt and check this member's share from every dealer whose deal was received
   * (its own included); broadcast a complaint for each undecryptable or inconsistent one.
   */
  public List<DkgMessage> endDealRound() {
    requireRound(Round.DEAL);
    round = Round.COMPLAINT;
    Map<Integer, Deal> first = new HashMap<>();
    for (Deal d : deals) {
      first.putIfAbsent(d.dealer(), d);
    }
    // Decrypt every share first, then check them all against the commitments at once.
    Map<Integer, BigInteger> candidate = new HashMap<>();
    Map<Integer, P2> expected = new HashMap<>();
    Set<Integer> bad = new TreeSet<>();
    for (Deal d : first.values()) {
      if (d.commitments().size() != config.t() || d.encryptedShares().size() != config.n()) {
        continue; // publicly disqualified: everyone sees the wrong shape, no complaint needed
      }
      Result<byte[]> plain =
          Ecies.decrypt(
              identity,
              d.encryptedShares().get(me - 1),
              Wire.shareAad(config.sessionId(), d.dealer(), me));
      BigInteger share =
          plain.isOk() && plain.orThrow().length == 32 ? new BigInteger(1, plain.orThrow()) : null;
      if (share == null || share.signum() == 0 || share.compareTo(Fields.R) >= 0) {
        bad.add(d.dealer());
      } else {
        candidate.put(d.dealer(), share);
        expected.put(d.dealer(), Feldman.evaluate(d.commitments(), me));
      }
    }
    // SECURITY: every share must match its dealer's public commitments, or we complain. One
    // randomly weighted check covers all dealers (weights unknown to dealers, so shares that are
    // wrong cannot cancel out); only if it fails is each share checked on its own.
    if (!candidate.isEmpty() && !batchCheck(candidate, expected)) {
      for (var e : candidate.entrySet()) {
        if (!Feldman.checkShare(expected.get(e.getKey()), e.getValue())) {
          bad.add(e.getKey());
        }
      }
    }
    candidate.forEach(
        (dealer, share) -> {
          if (!bad.contains(dealer)) {
            received.put(dealer, share);
          }
        });
    List<DkgMessage> out = new ArrayList<>();
    for (int dealer : bad) {
      if (dealer != me) {
        out.add(new Complaint(config.sessionId(), me, dealer, new byte[0]).signed(identity));
      }
    }
    return out;
  }

  /** {@code (Σ r_j s_j) · G2 == Σ r_j · V_j} with random 64-bit weights {@code r_j}. */
  private boolean batchCheck(Map<Integer, BigInteger> shares, Map<Integer, P2> expected) {
    BigInteger lhs = BigInteger.ZERO;
    P2 rhs = new P2();
    for (var e : shares.entrySet()) {
      BigInteger r = new BigInteger(64, weights).setBit(64);
      lhs = lhs.add(r.multiply(e.getValue())).mod(Fields.R);
      rhs.add(expected.get(e.getKey()).dup().mult(r));
    }
    if (lhs.signum() == 0) {
      return false;
    }
    try (SecretKey k = SecretKey.fromScalar(lhs).orThrow()) {
      return k.publicKey().toP2().is_equal(rhs);
    }
  }

  /**
   * End of round 2: answer every received complaint against this member by revealing that share.
   */
  public List<DkgMessage> endComplaintRound() {
    requireRound(Round.COMPLAINT);
    round = Round.JUSTIFICATION;
    List<DkgMessage> out = new ArrayList<>();
    Set<Integer> answered = new HashSet<>();
    for (Complaint c : complaints) {
      if (c.dealer() == me
          && c.complainer() != me
          && c.complainer() <= config.n()
          && answered.add(c.complainer())) {
        Justification j =
            new Justification(
                    config.sessionId(),
                    me,
                    c.complainer(),
                    toBytes32(myShares[c.complainer()]),
                    new byte[0])
                .signed(identity);
        out.add(j);
      }
    }
    return out;
  }

  /**
   * End of round 3: evaluate the transcript and assemble this member's share {@code x_me = Σ_{j ∈
   * QUAL} f_j(me)}.
   *
   * @return the result, or {@link Rejection#INSUFFICIENT_SHARES} when fewer than t dealers qualify
   *     or when this member holds no valid share from a qualified dealer (e.g. its complaint did
   *     not reach the log in time: the others' key stands, this member just has no share)
   */
  public Result<DkgResult> finish() {
    requireRound(Round.JUSTIFICATION);
    return finish(transcript().evaluateDetailed(true));
  }

  /** {@link #finish()} with the evaluation of this same transcript already done (by DkgLog). */
  Result<DkgResult> finish(Result<DkgTranscript.Evaluation> ev) {
    requireRound(Round.JUSTIFICATION);
    round = Round.DONE;
    try {
      if (!ev.isOk()) {
        return ev.map(e -> null);
      }
      DkgTranscript.Evaluation e = ev.orThrow();
      BigInteger x = BigInteger.ZERO;
      for (int j : e.output().qualified()) {
        // A share revealed in a justification was checked against the commitments; it replaces
        // the one this member complained about.
        BigInteger revealed = e.revealedShare(me, j);
        BigInteger s = revealed != null ? revealed : received.get(j);
        if (s == null) {
          return Result.err(
              Rejection.INSUFFICIENT_SHARES, "no valid share from qualified dealer " + j);
        }
        x = x.add(s).mod(Fields.R);
      }
      Result<SecretKey> sk = SecretKey.fromScalar(x);
      if (!sk.isOk()) {
        return sk.map(k -> null);
      }
      SecretShare share = new SecretShare(me, sk.orThrow());
      // SECURITY: our share must match the public share key everyone else computed.
      if (!share.publicKey().equals(e.output().sharePublicKey(me))) {
        share.close();
        return Result.err(Rejection.BAD_MESSAGE, "own share does not match public share key");
      }
      return Result.ok(new DkgResult(e.output(), share, transcript()));
    } finally {
      if (myShares != null) {
        Arrays.fill(myShares, BigInteger.ZERO);
      }
      received.clear();
    }
  }

  /** The messages accepted so far. */
  public DkgTranscript transcript() {
    return new DkgTranscript(config, deals, complaints, justifications);
  }

  private void requireRound(Round r) {
    if (round != r) {
      throw new IllegalStateException("DKG is in round " + round + ", not " + r);
    }
  }

  private static BigInteger evaluate(BigInteger[] coeffs, int x) {
    BigInteger bx = BigInteger.valueOf(x);
    BigInteger acc = BigInteger.ZERO;
    for (int k = coeffs.length - 1; k >= 0; k--) {
      acc = acc.multiply(bx).add(coeffs[k]).mod(Fields.R);
    }
    return acc;
  }

  static byte[] toBytes32(BigInteger v) {
    byte[] out = new byte[32];
    IdentityKey.put32(v, out, 0);
    return out;
  }
}
