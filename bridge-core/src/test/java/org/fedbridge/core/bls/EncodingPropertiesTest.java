package org.fedbridge.core.bls;

import static org.assertj.core.api.Assertions.assertThat;
import static org.fedbridge.core.testing.Gens.bools;
import static org.fedbridge.core.testing.Gens.bytes;
import static org.fedbridge.core.testing.Gens.intRange;
import static org.quicktheories.QuickTheory.qt;

import java.math.BigInteger;
import java.util.EnumSet;
import java.util.Set;
import org.fedbridge.core.types.Bytes32;
import org.fedbridge.core.types.Rejection;
import org.fedbridge.core.types.Result;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;

/**
 * Round trips of every point encoding, and mutated bytes that only ever yield the documented
 * rejection (or, rarely, another valid point — never an exception and never an invalid point).
 */
class EncodingPropertiesTest {
  static final Set<Rejection> POINT_REJECTIONS =
      EnumSet.of(
          Rejection.BAD_LENGTH,
          Rejection.NON_CANONICAL,
          Rejection.NOT_ON_CURVE,
          Rejection.NOT_IN_SUBGROUP,
          Rejection.INFINITY);

  /** Secret keys with a uniformly random scalar in {@code [1, r-1]} (shrinks towards 1). */
  static Gen<SecretKey> keys() {
    BigInteger rMinusOne = Fields.R.subtract(BigInteger.ONE);
    return bytes(32)
        .map(b -> new BigInteger(1, b).mod(rMinusOne).add(BigInteger.ONE))
        .map(k -> SecretKey.fromScalar(k).orThrow());
  }

  static Signature sigOf(SecretKey sk) {
    return Bls.sign(sk, Bytes32.ZERO);
  }

  @Test
  void publicKeyRoundTripsBothEncodings() {
    qt().withExamples(30)
        .forAll(keys())
        .checkAssert(
            sk -> {
              PublicKey pk = sk.publicKey();
              assertThat(PublicKey.fromCompressed(pk.toCompressed()).orThrow()).isEqualTo(pk);
              assertThat(PublicKey.fromEip2537(pk.toEip2537()).orThrow()).isEqualTo(pk);
              assertThat(pk.toCompressed()).hasSize(96);
              assertThat(pk.toEip2537()).hasSize(256);
            });
  }

  @Test
  void signatureRoundTripsBothEncodings() {
    qt().withExamples(30)
        .forAll(keys())
        .checkAssert(
            sk -> {
              Signature s = sigOf(sk);
              assertThat(Signature.fromCompressed(s.toCompressed()).orThrow()).isEqualTo(s);
              assertThat(Signature.fromEip2537(s.toEip2537()).orThrow()).isEqualTo(s);
              assertThat(s.toCompressed()).hasSize(48);
              assertThat(s.toEip2537()).hasSize(128);
            });
  }

  @Test
  void secretKeyRoundTrips() {
    qt().withExamples(30)
        .forAll(keys())
        .checkAssert(
            sk -> {
              try (SecretKey back = SecretKey.fromBytes(sk.toBytes()).orThrow()) {
                assertThat(back.publicKey()).isEqualTo(sk.publicKey());
              }
            });
  }

  @Test
  void mutatedSignatureBytesGiveOnlyDocumentedRejections() {
    qt().withExamples(60)
        .forAll(keys(), intRange(0, 127), intRange(1, 255), bools())
        .checkAssert(
            (sk, pos, xor, eip) -> {
              Signature s = sigOf(sk);
              byte[] b = eip ? s.toEip2537() : s.toCompressed();
              b[pos % b.length] ^= xor.byteValue();
              Result<Signature> r = eip ? Signature.fromEip2537(b) : Signature.fromCompressed(b);
              assertDocumented(r, s);
              if (r.isOk()) {
                assertThat(Bls.verify(sk.publicKey(), Bytes32.ZERO, r.orThrow())).isFalse();
              }
            });
  }

  @Test
  void mutatedPublicKeyBytesGiveOnlyDocumentedRejections() {
    qt().withExamples(40)
        .forAll(keys(), intRange(0, 255), intRange(1, 255), bools())
        .checkAssert(
            (sk, pos, xor, eip) -> {
              PublicKey pk = sk.publicKey();
              byte[] b = eip ? pk.toEip2537() : pk.toCompressed();
              b[pos % b.length] ^= xor.byteValue();
              Result<PublicKey> r = eip ? PublicKey.fromEip2537(b) : PublicKey.fromCompressed(b);
              assertDocumented(r, pk);
            });
  }

  @Test
  void truncatedOrExtendedBytesAreBadLength() {
    qt().withExamples(30)
        .forAll(keys(), intRange(-3, 3))
        .checkAssert(
            (sk, delta) -> {
              if (delta == 0) {
                return;
              }
              byte[] c = sigOf(sk).toCompressed();
              byte[] b = java.util.Arrays.copyOf(c, c.length + delta);
              assertThat(Signature.fromCompressed(b).rejection()).isEqualTo(Rejection.BAD_LENGTH);
              byte[] e = java.util.Arrays.copyOf(sk.publicKey().toEip2537(), 256 + delta);
              assertThat(PublicKey.fromEip2537(e).rejection()).isEqualTo(Rejection.BAD_LENGTH);
            });
  }

  private static <T> void assertDocumented(Result<T> r, T original) {
    if (r.isOk()) {
      // A flipped sign bit, say, can give another valid point: never the same one.
      assertThat(r.orThrow()).isNotEqualTo(original);
    } else {
      assertThat(r.rejection()).isIn(POINT_REJECTIONS);
    }
  }
}
