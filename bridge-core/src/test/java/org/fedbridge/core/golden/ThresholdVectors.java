package org.fedbridge.core.golden;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import org.fedbridge.core.bls.Bls;
import org.fedbridge.core.bls.SecretKey;
import org.fedbridge.core.bls.Signature;
import org.fedbridge.core.message.Deposit;
import org.fedbridge.core.message.DepositBatch;
import org.fedbridge.core.threshold.Lagrange;
import org.fedbridge.core.threshold.PartialSignature;
import org.fedbridge.core.threshold.SecretShare;
import org.fedbridge.core.threshold.Shamir;
import org.fedbridge.core.threshold.ThresholdSigner;
import org.fedbridge.core.threshold.ThresholdVerifier;
import org.fedbridge.core.types.Bytes32;
import org.fedbridge.core.types.Hex;
import org.fedbridge.core.types.UInt256;

/** threshold.json: a fixed 5-of-7 sharing. */
final class ThresholdVectors {
  static final int T = 5;
  static final int N = 7;

  private ThresholdVectors() {}

  /** Coefficient k: {@code KeyGen(SHA-256("fedbridge-golden-poly-" + k))}; a_0 is the secret. */
  static BigInteger[] coefficients() {
    BigInteger[] c = new BigInteger[T];
    for (int k = 0; k < T; k++) {
      try (SecretKey sk = SecretKey.keyGen(GoldenVectors.sha256("fedbridge-golden-poly-" + k))) {
        c[k] = sk.toScalar();
      }
    }
    return c;
  }

  static ObjectNode threshold() {
    ObjectNode root = GoldenVectors.JSON.createObjectNode();
    root.put("t", String.valueOf(T));
    root.put("n", String.valueOf(N));
    root.put(
        "derivation",
        "f(x) = a_0 + a_1 x + ... + a_{t-1} x^{t-1} mod r, a_k = KeyGen(SHA-256(UTF-8"
            + " \"fedbridge-golden-poly-\" + k)); share i = f(i), i = 1..n; group secret = a_0");
    BigInteger[] coeffs = coefficients();
    ArrayNode cj = root.putArray("coefficients");
    for (BigInteger c : coeffs) {
      cj.add(c.toString());
    }
    try (SecretKey group = SecretKey.fromScalar(coeffs[0]).orThrow()) {
      root.put("groupSecret", Hex.encode(group.toBytes()));
      root.put("groupPublicKeyCompressed", Hex.encode(group.publicKey().toCompressed()));
      root.put("groupPublicKeyEip2537", Hex.encode(group.publicKey().toEip2537()));
      List<Deposit> deps = GoldenVectors.deposits(5);
      Bytes32 digest = DepositBatch.of(UInt256.of(19_000_123), deps).digest(GoldenVectors.DOMAIN);
      root.put("digest", digest.toHex());
      Signature groupSig = Bls.sign(group, digest);
      root.put("groupSignatureCompressed", Hex.encode(groupSig.toCompressed()));
      root.put("groupSignatureEip2537", Hex.encode(groupSig.toEip2537()));

      List<SecretShare> shares = Shamir.shares(coefficients(), N);
      ArrayNode sj = root.putArray("shares");
      List<PartialSignature> partials = new ArrayList<>();
      for (SecretShare s : shares) {
        PartialSignature p = ThresholdSigner.partialSign(s, digest);
        partials.add(p);
        ObjectNode o = sj.addObject();
        o.put("index", String.valueOf(s.index()));
        o.put("secret", Hex.encode(s.key().toBytes()));
        o.put("publicKeyCompressed", Hex.encode(s.publicKey().toCompressed()));
        o.put("publicKeyEip2537", Hex.encode(s.publicKey().toEip2537()));
        o.put("partialSignatureCompressed", Hex.encode(p.signature().toCompressed()));
        o.put("partialSignatureEip2537", Hex.encode(p.signature().toEip2537()));
        s.close();
      }
      ArrayNode sets = root.putArray("signerSets");
      for (int[] set : new int[][] {{1, 2, 3, 4, 5}, {3, 4, 5, 6, 7}, {1, 3, 4, 6, 7}}) {
        ObjectNode o = sets.addObject();
        ArrayNode ij = o.putArray("indexes");
        ArrayNode lj = o.putArray("lagrange");
        List<PartialSignature> chosen = new ArrayList<>();
        BigInteger[] lambda = Lagrange.atZero(set);
        for (int i = 0; i < set.length; i++) {
          ij.add(String.valueOf(set[i]));
          lj.add(lambda[i].toString());
          chosen.add(partials.get(set[i] - 1));
        }
        Signature combined = ThresholdVerifier.interpolate(chosen).orThrow();
        o.put("combinedSignatureCompressed", Hex.encode(combined.toCompressed()));
        o.put("combinedSignatureEip2537", Hex.encode(combined.toEip2537()));
      }
    }
    return root;
  }
}
