package org.fedbridge.core.threshold;

import java.math.BigInteger;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.fedbridge.core.bls.SecretKey;
import org.fedbridge.core.types.Rejection;
import org.fedbridge.core.types.Result;

/**
 * Shamir secret sharing over the BLS12-381 scalar field: a random polynomial {@code f} of degree
 * {@code t-1} with {@code f(0) = secret}; share {@code i} is {@code f(i)} for {@code i = 1..n}.
 * Used by tests, golden vectors and a trusted-dealer setup; production keys come from the DKG.
 */
public final class Shamir {
  private Shamir() {}

  /**
   * Splits {@code secret} into {@code policy.members()} shares, any {@code t} of which recover it.
   */
  public static List<SecretShare> split(
      SecretKey secret, ThresholdPolicy policy, SecureRandom rnd) {
    BigInteger[] coeffs = new BigInteger[policy.threshold()];
    coeffs[0] = secret.toScalar();
    for (int k = 1; k < coeffs.length; k++) {
      coeffs[k] = new BigInteger(320, rnd).mod(Scalars.R);
    }
    return shares(coeffs, policy.members());
  }

  /**
   * Shares of the polynomial with the given coefficients ({@code coeffs[0]} is the secret), for
   * deterministic fixtures.
   */
  public static List<SecretShare> shares(BigInteger[] coeffs, int n) {
    List<SecretShare> out = new ArrayList<>(n);
    for (int i = 1; i <= n; i++) {
      BigInteger y = Scalars.evaluate(coeffs, i);
      // f(i) = 0 has probability 2^-255; refuse rather than hand out a zero key.
      out.add(new SecretShare(i, SecretKey.fromScalar(y).orThrow()));
    }
    Arrays.fill(coeffs, BigInteger.ZERO);
    return out;
  }

  /** Recovers {@code f(0)} from at least one share set of distinct indexes (no threshold check). */
  public static Result<SecretKey> recover(List<SecretShare> shares) {
    int[] idx = shares.stream().mapToInt(SecretShare::index).toArray();
    if (Arrays.stream(idx).distinct().count() != idx.length) {
      return Result.err(Rejection.DUPLICATE_MEMBER, "repeated share index");
    }
    BigInteger[] lambda = Lagrange.atZero(idx);
    BigInteger acc = BigInteger.ZERO;
    for (int i = 0; i < idx.length; i++) {
      acc = acc.add(lambda[i].multiply(shares.get(i).key().toScalar())).mod(Scalars.R);
    }
    return SecretKey.fromScalar(acc);
  }
}
