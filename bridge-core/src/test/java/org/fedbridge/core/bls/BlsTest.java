package org.fedbridge.core.bls;

import static org.assertj.core.api.Assertions.assertThat;

import java.security.SecureRandom;
import org.fedbridge.core.types.Bytes32;
import org.fedbridge.core.types.Keccak;
import org.junit.jupiter.api.Test;

class BlsTest {
  static final SecureRandom RND = new SecureRandom();

  @Test
  void signThenVerifyAcceptsAndOtherDigestOrKeyRejects() {
    try (SecretKey sk = SecretKey.random(RND);
        SecretKey other = SecretKey.random(RND)) {
      Bytes32 d = Keccak.hash("hello".getBytes());
      Signature s = Bls.sign(sk, d);
      assertThat(Bls.verify(sk.publicKey(), d, s)).isTrue();
      assertThat(Bls.verify(sk.publicKey(), Keccak.hash("other".getBytes()), s)).isFalse();
      assertThat(Bls.verify(other.publicKey(), d, s)).isFalse();
    }
  }

  @Test
  void dstIsTheDocumented56AsciiBytes() {
    assertThat(Bls.DST).hasSize(56).endsWith("_NUL_");
  }

  @Test
  void signatureUsesBridgeDstNotRfcDst() {
    try (SecretKey sk = SecretKey.random(RND)) {
      Bytes32 d = Bytes32.ZERO;
      byte[] hBridge = Bls.hashToG1(d.bytes(), Bls.DST);
      byte[] hRfc = Bls.hashToG1(d.bytes(), HashToCurveRfc9380Test.RFC_DST);
      assertThat(hBridge).isNotEqualTo(hRfc);
      assertThat(Bls.verify(sk.publicKey(), d, Bls.sign(sk, d))).isTrue();
    }
  }

  @Test
  void secretKeyRedactsAndZeroesOnClose() {
    SecretKey sk = SecretKey.random(RND);
    byte[] before = sk.toBytes();
    assertThat(sk.toString()).doesNotContain(org.fedbridge.core.types.Hex.encode(before));
    assertThat(sk.toString()).contains("redacted");
    sk.close();
    assertThat(sk.isClosed()).isTrue();
    org.assertj.core.api.Assertions.assertThatThrownBy(sk::toBytes)
        .isInstanceOf(IllegalStateException.class);
  }

  @Test
  void secretKeyRangeIsOneToRMinusOne() {
    assertThat(SecretKey.fromBytes(new byte[32]).isOk()).isFalse();
    assertThat(SecretKey.fromScalar(Fields.R).isOk()).isFalse();
    assertThat(SecretKey.fromScalar(Fields.R.subtract(java.math.BigInteger.ONE)).isOk()).isTrue();
    assertThat(SecretKey.fromBytes(new byte[31]).isOk()).isFalse();
  }
}
