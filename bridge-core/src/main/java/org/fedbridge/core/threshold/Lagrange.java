package org.fedbridge.core.threshold;

import java.math.BigInteger;
import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Lagrange coefficients at zero for a signer set {@code S}: {@code λ_i = Π_{j∈S, j≠i} j / (j − i)
 * mod r}. The numerators and denominators are exact products of small integers; all the divisions
 * share one modular inversion ({@link Scalars#batchInverse}). Results are cached per signer set,
 * since the same sets recur batch after batch.
 */
public final class Lagrange {
  private static final int CACHE_LIMIT = 4096;
  private static final Map<IndexSet, BigInteger[]> CACHE = new ConcurrentHashMap<>();

  private Lagrange() {}

  /**
   * Coefficients for the given distinct positive indexes, in the same order.
   *
   * @throws IllegalArgumentException on a repeated or non-positive index
   */
  public static BigInteger[] atZero(int[] indexes) {
    IndexSet key = new IndexSet(indexes.clone());
    BigInteger[] cached = CACHE.get(key);
    if (cached == null) {
      cached = compute(indexes);
      if (CACHE.size() >= CACHE_LIMIT) {
        CACHE.clear();
      }
      CACHE.put(key, cached);
    }
    return cached.clone();
  }

  /** Uncached computation (exposed for benchmarks and tests). */
  public static BigInteger[] compute(int[] idx) {
    int t = idx.length;
    for (int i = 0; i < t; i++) {
      if (idx[i] < 1) {
        throw new IllegalArgumentException("index must be >= 1");
      }
      for (int j = 0; j < i; j++) {
        // SECURITY: a repeated index would divide by zero, or double-count one member.
        if (idx[i] == idx[j]) {
          throw new IllegalArgumentException("repeated index " + idx[i]);
        }
      }
    }
    BigInteger[] num = new BigInteger[t];
    BigInteger[] den = new BigInteger[t];
    for (int i = 0; i < t; i++) {
      BigInteger n = BigInteger.ONE;
      BigInteger d = BigInteger.ONE;
      for (int j = 0; j < t; j++) {
        if (j != i) {
          n = n.multiply(BigInteger.valueOf(idx[j]));
          d = d.multiply(BigInteger.valueOf((long) idx[j] - idx[i]));
        }
      }
      num[i] = n.mod(Scalars.R);
      den[i] = d.mod(Scalars.R);
    }
    BigInteger[] inv = Scalars.batchInverse(den);
    BigInteger[] out = new BigInteger[t];
    for (int i = 0; i < t; i++) {
      out[i] = num[i].multiply(inv[i]).mod(Scalars.R);
    }
    return out;
  }

  /**
   * Coefficients for evaluating at {@code x} instead of 0: {@code λ_i(x) = Π_{j≠i} (x − j) / (i −
   * j) mod r}. Uncached; used to check that share keys lie on one polynomial.
   */
  public static BigInteger[] at(int x, int[] idx) {
    int t = idx.length;
    BigInteger[] num = new BigInteger[t];
    BigInteger[] den = new BigInteger[t];
    for (int i = 0; i < t; i++) {
      BigInteger n = BigInteger.ONE;
      BigInteger d = BigInteger.ONE;
      for (int j = 0; j < t; j++) {
        if (j != i) {
          if (idx[j] == idx[i]) {
            throw new IllegalArgumentException("repeated index " + idx[i]);
          }
          n = n.multiply(BigInteger.valueOf((long) x - idx[j]));
          d = d.multiply(BigInteger.valueOf((long) idx[i] - idx[j]));
        }
      }
      num[i] = n.mod(Scalars.R);
      den[i] = d.mod(Scalars.R);
    }
    BigInteger[] inv = Scalars.batchInverse(den);
    BigInteger[] out = new BigInteger[t];
    for (int i = 0; i < t; i++) {
      out[i] = num[i].multiply(inv[i]).mod(Scalars.R);
    }
    return out;
  }

  private record IndexSet(int[] idx) {
    @Override
    public boolean equals(Object o) {
      return o instanceof IndexSet other && Arrays.equals(idx, other.idx);
    }

    @Override
    public int hashCode() {
      return Arrays.hashCode(idx);
    }
  }
}
