package org.fedbridge.core.types;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.fedbridge.core.testing.Gens.bigIntegers;
import static org.fedbridge.core.testing.Gens.bytes;
import static org.quicktheories.QuickTheory.qt;

import java.math.BigInteger;
import org.junit.jupiter.api.Test;

class TypesPropertiesTest {
  static final int TRIES = 1000;

  @Test
  void uint256WordAndDecimalRoundTrip() {
    qt().withExamples(TRIES)
        .forAll(bytes(32))
        .checkAssert(
            word -> {
              UInt256 v = new UInt256(new BigInteger(1, word));
              assertThat(v.toWord()).isEqualTo(word);
              assertThat(UInt256.parse(v.toString())).isEqualTo(v);
            });
  }

  @Test
  void uint256RefusesEverythingOutsideTheRange() {
    qt().withExamples(TRIES)
        .forAll(bigIntegers())
        .checkAssert(
            x -> {
              boolean inRange = x.signum() >= 0 && x.bitLength() <= 256;
              if (inRange) {
                assertThat(new UInt256(x).value()).isEqualTo(x);
              } else {
                assertThatThrownBy(() -> new UInt256(x))
                    .isInstanceOf(IllegalArgumentException.class);
              }
            });
  }

  @Test
  void addressAndBytes32HexRoundTrip() {
    qt().withExamples(TRIES)
        .forAll(bytes(20), bytes(32))
        .checkAssert(
            (a, b) -> {
              Address addr = new Address(a);
              assertThat(Address.fromHex(addr.toHex())).isEqualTo(addr);
              assertThat(addr.toWord()).startsWith(new byte[12]).endsWith(a);
              Bytes32 h = new Bytes32(b);
              assertThat(Bytes32.fromHex(h.toHex())).isEqualTo(h);
            });
  }

  @Test
  void wrongLengthsAreRefused() {
    qt().withExamples(TRIES)
        .forAll(bytes(0, 40))
        .checkAssert(
            x -> {
              if (x.length != 20) {
                assertThatThrownBy(() -> new Address(x))
                    .isInstanceOf(IllegalArgumentException.class);
              }
              if (x.length != 32) {
                assertThatThrownBy(() -> new Bytes32(x))
                    .isInstanceOf(IllegalArgumentException.class);
              }
            });
  }

  @Test
  void decodersRoundTripAndRejectNonCanonicalInputAsValues() {
    qt().withExamples(TRIES)
        .forAll(bytes(20), bytes(32))
        .checkAssert(
            (a, b) -> {
              Address addr = new Address(a);
              assertThat(Address.decode(addr.toHex()).orThrow()).isEqualTo(addr);
              assertThat(Address.decode(addr.toHex().substring(2)).rejection())
                  .isEqualTo(Rejection.MALFORMED);
              assertThat(Address.decode(addr.toHex() + "00").rejection())
                  .isEqualTo(Rejection.BAD_LENGTH);
              assertThat(Address.decode("0x" + "zz".repeat(20)).rejection())
                  .isEqualTo(Rejection.MALFORMED);
              Bytes32 h = new Bytes32(b);
              assertThat(Bytes32.decode(h.toHex()).orThrow()).isEqualTo(h);
              UInt256 v = new UInt256(new BigInteger(1, b));
              assertThat(UInt256.decode(v.toString()).orThrow()).isEqualTo(v);
            });
  }

  @Test
  void uint256DecodeRefusesNonCanonicalDecimals() {
    qt().withExamples(TRIES)
        .forAll(bigIntegers())
        .checkAssert(
            x -> {
              var r = UInt256.decode(x.toString());
              if (x.signum() >= 0 && x.bitLength() <= 256) {
                assertThat(r.orThrow().value()).isEqualTo(x);
                assertThat(UInt256.decode("0" + x).isOk()).isFalse();
                assertThat(UInt256.decode("+" + x).isOk()).isFalse();
              } else {
                assertThat(r.isOk()).isFalse();
              }
            });
  }
}
