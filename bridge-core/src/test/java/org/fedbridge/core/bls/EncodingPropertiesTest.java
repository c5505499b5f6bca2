package org.fedbridge.core.bls;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import java.util.EnumSet;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import org.fedbridge.core.types.Bytes32;
import org.fedbridge.core.types.Rejection;
import org.fedbridge.core.types.Result;

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

  @Provide
  Arbitrary<SecretKey> keys() {
    return Arbitraries.bigIntegers()
        .between(BigInteger.ONE, Fields.R.subtract(BigInteger.ONE))
        .map(k -> SecretKey.fromScalar(k).orThrow());
  }

  static Signature sigOf(SecretKey sk) {
    return Bls.sign(sk, Bytes32.ZERO);
  }

  @Property(tries = 30)
  void publicKeyRoundTripsBothEncodings(@ForAll("keys") SecretKey sk) {
    PublicKey pk = sk.publicKey();
    assertThat(PublicKey.fromCompressed(pk.toCompressed()).orThrow()).isEqualTo(pk);
    assertThat(PublicKey.fromEip2537(pk.toEip2537()).orThrow()).isEqualTo(pk);
    assertThat(pk.toCompressed()).hasSize(96);
    assertThat(pk.toEip2537()).hasSize(256);
  }

  @Property(tries = 30)
  void signatureRoundTripsBothEncodings(@ForAll("keys") SecretKey sk) {
    Signature s = sigOf(sk);
    assertThat(Signature.fromCompressed(s.toCompressed()).orThrow()).isEqualTo(s);
    assertThat(Signature.fromEip2537(s.toEip2537()).orThrow()).isEqualTo(s);
    assertThat(s.toCompressed()).hasSize(48);
    assertThat(s.toEip2537()).hasSize(128);
  }

  @Property(tries = 30)
  void secretKeyRoundTrips(@ForAll("keys") SecretKey sk) {
    try (SecretKey back = SecretKey.fromBytes(sk.toBytes()).orThrow()) {
      assertThat(back.publicKey()).isEqualTo(sk.publicKey());
    }
  }

  @Property(tries = 60)
  void mutatedSignatureBytesGiveOnlyDocumentedRejections(
      @ForAll("keys") SecretKey sk,
      @ForAll @IntRange(min = 0, max = 127) int pos,
      @ForAll @IntRange(min = 1, max = 255) int xor,
      @ForAll boolean eip) {
    Signature s = sigOf(sk);
    byte[] b = eip ? s.toEip2537() : s.toCompressed();
    b[pos % b.length] ^= (byte) xor;
    Result<Signature> r = eip ? Signature.fromEip2537(b) : Signature.fromCompressed(b);
    assertDocumented(r, s);
    if (r.isOk()) {
      assertThat(Bls.verify(sk.publicKey(), Bytes32.ZERO, r.orThrow())).isFalse();
    }
  }

  @Property(tries = 40)
  void mutatedPublicKeyBytesGiveOnlyDocumentedRejections(
      @ForAll("keys") SecretKey sk,
      @ForAll @IntRange(min = 0, max = 255) int pos,
      @ForAll @IntRange(min = 1, max = 255) int xor,
      @ForAll boolean eip) {
    PublicKey pk = sk.publicKey();
    byte[] b = eip ? pk.toEip2537() : pk.toCompressed();
    b[pos % b.length] ^= (byte) xor;
    Result<PublicKey> r = eip ? PublicKey.fromEip2537(b) : PublicKey.fromCompressed(b);
    assertDocumented(r, pk);
  }

  @Property(tries = 30)
  void truncatedOrExtendedBytesAreBadLength(
      @ForAll("keys") SecretKey sk, @ForAll @IntRange(min = -3, max = 3) int delta) {
    if (delta == 0) {
      return;
    }
    byte[] c = sigOf(sk).toCompressed();
    byte[] b = java.util.Arrays.copyOf(c, c.length + delta);
    assertThat(Signature.fromCompressed(b).rejection()).isEqualTo(Rejection.BAD_LENGTH);
    byte[] e = java.util.Arrays.copyOf(sk.publicKey().toEip2537(), 256 + delta);
    assertThat(PublicKey.fromEip2537(e).rejection()).isEqualTo(Rejection.BAD_LENGTH);
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
