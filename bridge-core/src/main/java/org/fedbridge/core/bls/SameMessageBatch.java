package org.fedbridge.core.bls;

import java.math.BigInteger;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import org.fedbridge.core.types.Bytes32;
import supranational.blst.P1;
import supranational.blst.P1_Affine;
import supranational.blst.P2;
import supranational.blst.P2_Affine;
import supranational.blst.PT;

/**
 * Batch verification of many (public key, signature) pairs over one digest, as the partials of one
 * batch are: a random linear combination checks them all with one pairing product, and a failing
 * batch is searched for its invalid pairs.
 *
 * <p>Each pair {@code i} gets a fresh secret weight {@code w_i} of 64 random bits; a subset {@code
 * T} passes iff {@code e(Σ_T w_i σ_i, G2) · e(H(m), −Σ_T w_i pk_i) = 1}. An invalid pair makes a
 * passing subset with probability at most 2^-64, whatever the attacker chose, since the weights are
 * drawn after the signatures are fixed. The products {@code w_i σ_i} (64-bit G1 multiplications)
 * and {@code w_i pk_i} (at most 16 additions from the key's fixed-base table) are computed once;
 * every subset is then summed by additions.
 *
 * <p>Finding the invalid pairs of a failing subset {@code T}, with {@code Δ_T} its pairing product
 * after the final exponentiation:
 *
 * <ol>
 *   <li>Single-error locator: if exactly one pair {@code j} (at 1-based position {@code k_j} in
 *       {@code T}) is invalid, {@code Δ_T = E^{w_j}} for some {@code E ≠ 1}; the same check with
 *       weights {@code k · w_k} (sums by running totals, no multiplication) gives {@code Δ'_T =
 *       E^{w_j k_j} = Δ_T^{k_j}}, so {@code k_j} is found by comparing {@code Δ'_T} with {@code
 *       Δ_T, Δ_T², …}. With two or more invalid pairs a false match needs a linear relation between
 *       the secret weights: probability at most {@code |T| · 2^-64}.
 *   <li>Otherwise bisection: check the left half; the right half passes iff {@code Δ_left = Δ_T}
 *       (since {@code Δ_T = Δ_left · Δ_right}), so it costs no pairing of its own in that case.
 * </ol>
 *
 * One bad pair among 67 costs two pairing products. Not thread-safe; one instance per batch.
 */
public final class SameMessageBatch {
  private static final SecureRandom RANDOM = new SecureRandom();
  private static final P2_Affine G2 = P2.generator().to_affine();

  private final P1_Affine h;
  private final P1[] q;
  private final P2[] r;
  private int checks;

  private SameMessageBatch(Bytes32 digest, List<PublicKey> keys, List<Signature> signatures) {
    Native.ensureLoaded();
    if (keys.size() != signatures.size()) {
      throw new IllegalArgumentException("one key per signature");
    }
    int n = keys.size();
    this.h = new P1().hash_to(digest.bytes(), Bls.DST).to_affine();
    this.q = new P1[n];
    this.r = new P2[n];
    byte[] seed = new byte[8 * n];
    RANDOM.nextBytes(seed);
    for (int i = 0; i < n; i++) {
      long w = 0;
      for (int b = 0; b < 8; b++) {
        w = (w << 8) | (seed[8 * i + b] & 0xff);
      }
      if (w == 0) {
        w = 1; // probability 2^-64; a zero weight would drop the pair from every check
      }
      q[i] = signatures.get(i).affine().to_jacobian().mult(unsigned(w));
      r[i] = keys.get(i).timesWeight(w);
    }
  }

  /**
   * Positions (0-based, ascending) of the pairs whose signature does not verify under its key over
   * {@code digest}. Every signature and key is already a checked point (their types guarantee it).
   */
  public static Outcome check(Bytes32 digest, List<PublicKey> keys, List<Signature> signatures) {
    SameMessageBatch b = new SameMessageBatch(digest, keys, signatures);
    List<Integer> bad = new ArrayList<>();
    if (!keys.isEmpty()) {
      int[] all = new int[keys.size()];
      for (int i = 0; i < all.length; i++) {
        all[i] = i;
      }
      b.search(all, null, bad);
    }
    bad.sort(Integer::compare);
    return new Outcome(List.copyOf(bad), b.checks);
  }

  /**
   * The outcome of {@link #check}.
   *
   * @param invalid positions of the pairs that do not verify, ascending
   * @param pairingChecks pairing products computed (each costs about one signature verification)
   */
  public record Outcome(List<Integer> invalid, int pairingChecks) {}

  /** Adds the invalid positions of {@code t} to {@code out}; {@code delta} is Δ_T if known. */
  private void search(int[] t, PT delta, List<Integer> out) {
    PT d = delta != null ? delta : delta(t, false);
    if (d.is_one()) {
      return;
    }
    if (t.length == 1) {
      out.add(t[0]);
      return;
    }
    if (t.length >= 3) {
      int k = locate(d, delta(t, true), t.length);
      if (k > 0) {
        out.add(t[k - 1]);
        return;
      }
    }
    int half = t.length / 2;
    int[] left = java.util.Arrays.copyOfRange(t, 0, half);
    int[] right = java.util.Arrays.copyOfRange(t, half, t.length);
    PT dl = delta(left, false);
    if (dl.is_one()) {
      search(right, d, out); // Δ_right = Δ_T
      return;
    }
    boolean rightPasses = dl.is_equal(d);
    search(left, dl, out);
    if (!rightPasses) {
      search(right, null, out);
    }
  }

  /** The position {@code k} in 1..n with {@code Δ^k = Δ'}, or 0. */
  private static int locate(PT d, PT weighted, int n) {
    PT p = d.dup();
    for (int k = 1; k <= n; k++) {
      if (p.is_equal(weighted)) {
        return k;
      }
      p.mul(d);
    }
    return 0;
  }

  /**
   * {@code e(Σ c_i w_i σ_i, G2) · e(H, −Σ c_i w_i pk_i)} after the final exponentiation, with
   * {@code c_i = 1}, or {@code c_i} = the 1-based position in {@code t} when {@code byPosition}.
   */
  private PT delta(int[] t, boolean byPosition) {
    checks++;
    P1 a = new P1();
    P2 b = new P2();
    if (byPosition) {
      // Σ k·x_k = Σ_k (x_k + … + x_n): running totals from the end, two additions per element.
      P1 runA = new P1();
      P2 runB = new P2();
      for (int k = t.length - 1; k >= 0; k--) {
        runA.add(q[t[k]]);
        runB.add(r[t[k]]);
        a.add(runA);
        b.add(runB);
      }
    } else {
      for (int i : t) {
        a.add(q[i]);
        b.add(r[i]);
      }
    }
    PT acc = null;
    if (!a.is_inf()) {
      acc = new PT(a.to_affine(), G2);
    }
    if (!b.is_inf()) {
      PT x = new PT(h, b.neg().to_affine());
      acc = acc == null ? x : acc.mul(x);
    }
    return acc == null ? PT.one() : acc.final_exp();
  }

  private static BigInteger unsigned(long w) {
    BigInteger v = BigInteger.valueOf(w);
    return w >= 0 ? v : v.add(BigInteger.ONE.shiftLeft(64));
  }
}
