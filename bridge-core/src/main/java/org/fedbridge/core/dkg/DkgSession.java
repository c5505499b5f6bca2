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
 * Pedersen's DKG" shows is harmless for threshold signatures such as BLS).
 *
 * <p>A transport-independent state machine: the caller feeds broadcast messages in with {@link
 * #receive}, moves the rounds on with {@link #endDealRound()}, {@link #endComplaintRound()} and
 * {@link #finish()}, and broadcasts what they return. Rounds must end at the same point of the
 * totally ordered log for all members (e.g. a round-end marker on the Kafka topic), not on local
 * clocks; then every honest member evaluates the same transcript. Not thread-safe.
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
  private final SecureRandom rnd;
  private final List<Deal> deals = new ArrayList<>();
  private final List<Complaint> complaints = new ArrayList<>();
  private final List<Justification> justifications = new ArrayList<>();
  private final Set<Bytes32> seen = new HashSet<>();
  private final Map<Integer, BigInteger> received = new HashMap<>();
  private final Set<Integer> complainedAbout = new HashSet<>();
  private BigInteger[] myShares; // f_me(j) for j = 1..n, kept to answer complaints
  private Round round = Round.NEW;

  public DkgSession(DkgConfig config, int me, IdentityKey identity, SecureRandom rnd) {
    if (me < 1 || me > config.n()) {
      throw new IllegalArgumentException("index " + me + " not a member");
    }
    if (!config.member(me).identity().equals(identity.publicKey())) {
      throw new IllegalArgumentException("identity key does not match member " + me);
    }
    this.config = config;
    this.me = me;
    this.identity = identity;
    this.rnd = rnd;
  }

  public Round round() {
    return round;
  }

  public int index() {
    return me;
  }

  /** Round 1: pick a random polynomial, broadcast commitments and encrypted shares. */
  public List<DkgMessage> start() {
    requireRound(Round.NEW);
    round = Round.DEAL;
    int t = config.t();
    int n = config.n();
    BigInteger[] coeffs = new BigInteger[t];
    List<PublicKey> commitments = new ArrayList<>(t);
    for (int k = 0; k < t; k++) {
      try (SecretKey a = SecretKey.random(rnd)) {
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
    List<byte[]> boxes = Ecies.encrypt(recipients, plains, aads, rnd);
    plains.forEach(p -> Arrays.fill(p, (byte) 0));
    Arrays.fill(coeffs, BigInteger.ZERO);
    Deal deal = new Deal(config.sessionId(), me, commitments, boxes, new byte[0]).signed(identity);
    receive(deal);
    return List.of(deal);
  }

  /**
   * Accepts a broadcast message of the current round. Messages of another session, with a bad
   * signature, or of another round are refused (and not recorded); exact repeats are ignored.
   */
  public Result<Void> receive(DkgMessage m) {
    Result<Void> auth = m.authenticate(config);
    if (!auth.isOk()) {
      return auth;
    }
    Round expected =
        m instanceof Deal
            ? Round.DEAL
            : m instanceof Complaint ? Round.COMPLAINT : Round.JUSTIFICATION;
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
    } else if (m instanceof Justification j) {
      justifications.add(j);
    }
    return Result.ok(null);
  }

  /**
   * End of round 1: decrypt and check this member's share from every dealer; broadcast a complaint
   * for each missing, undecryptable or inconsistent one.
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
    Set<Integer> bad = new HashSet<>();
    for (Deal d : first.values()) {
      if (d.dealer() == me) {
        received.put(me, myShares[me]);
        continue;
      }
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
    for (int dealer : new java.util.TreeSet<>(bad)) {
      complainedAbout.add(dealer);
      Complaint c = new Complaint(config.sessionId(), me, dealer, new byte[0]).signed(identity);
      receive(c);
      out.add(c);
    }
    return out;
  }

  /** {@code (Σ r_j s_j) · G2 == Σ r_j · V_j} with random 64-bit weights {@code r_j}. */
  private boolean batchCheck(Map<Integer, BigInteger> shares, Map<Integer, P2> expected) {
    BigInteger lhs = BigInteger.ZERO;
    P2 rhs = new P2();
    for (var e : shares.entrySet()) {
      BigInteger r = new BigInteger(64, rnd).setBit(64);
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

  /** End of round 2: answer every complaint against this member by revealing that share. */
  public List<DkgMessage> endComplaintRound() {
    requireRound(Round.COMPLAINT);
    round = Round.JUSTIFICATION;
    List<DkgMessage> out = new ArrayList<>();
    Set<Integer> answered = new HashSet<>();
    for (Complaint c : complaints) {
      if (c.dealer() == me && c.complainer() != me && answered.add(c.complainer())) {
        Justification j =
            new Justification(
                    config.sessionId(),
                    me,
                    c.complainer(),
                    toBytes32(myShares[c.complainer()]),
                    new byte[0])
                .signed(identity);
        receive(j);
        out.add(j);
      }
    }
    return out;
  }

  /**
   * End of round 3: evaluate the transcript and assemble this member's share {@code x_me = Σ_{j ∈
   * QUAL} f_j(me)}.
   */
  public Result<DkgResult> finish() {
    requireRound(Round.JUSTIFICATION);
    round = Round.DONE;
    DkgTranscript transcript = transcript();
    Result<DkgTranscript.Evaluation> ev = transcript.evaluateDetailed(true);
    if (!ev.isOk()) {
      return ev.map(e -> null);
    }
    DkgTranscript.Evaluation e = ev.orThrow();
    BigInteger x = BigInteger.ZERO;
    for (int j : e.output().qualified()) {
      BigInteger s = complainedAbout.contains(j) ? e.revealedShare(me, j) : received.get(j);
      if (s == null) {
        return Result.err(
            Rejection.INSUFFICIENT_SHARES, "no valid share from qualified dealer " + j);
      }
      x = x.add(s).mod(Fields.R);
    }
    Arrays.fill(myShares, BigInteger.ZERO);
    received.clear();
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
    return Result.ok(new DkgResult(e.output(), share, transcript));
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

  private static byte[] toBytes32(BigInteger v) {
    byte[] out = new byte[32];
    IdentityKey.put32(v, out, 0);
    return out;
  }
}
