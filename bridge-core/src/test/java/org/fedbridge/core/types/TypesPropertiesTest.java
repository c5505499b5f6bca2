package org.fedbridge.core.types;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigInteger;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.Size;

class TypesPropertiesTest {

  @Property
  void uint256WordAndDecimalRoundTrip(@ForAll @Size(32) byte[] word) {
    UInt256 v = new UInt256(new BigInteger(1, word));
    assertThat(v.toWord()).isEqualTo(word);
    assertThat(UInt256.parse(v.toString())).isEqualTo(v);
  }

  @Property
  void uint256RefusesEverythingOutsideTheRange(@ForAll BigInteger x) {
    boolean inRange = x.signum() >= 0 && x.bitLength() <= 256;
    if (inRange) {
      assertThat(new UInt256(x).value()).isEqualTo(x);
    } else {
      assertThatThrownBy(() -> new UInt256(x)).isInstanceOf(IllegalArgumentException.class);
    }
  }

  @Property
  void addressAndBytes32HexRoundTrip(@ForAll @Size(20) byte[] a, @ForAll @Size(32) byte[] b) {
    Address addr = new Address(a);
    assertThat(Address.fromHex(addr.toHex())).isEqualTo(addr);
    assertThat(addr.toWord()).startsWith(new byte[12]).endsWith(a);
    Bytes32 h = new Bytes32(b);
    assertThat(Bytes32.fromHex(h.toHex())).isEqualTo(h);
  }

  @Property
  void wrongLengthsAreRefused(@ForAll @Size(max = 40) byte[] x) {
    if (x.length != 20) {
      assertThatThrownBy(() -> new Address(x)).isInstanceOf(IllegalArgumentException.class);
    }
    if (x.length != 32) {
      assertThatThrownBy(() -> new Bytes32(x)).isInstanceOf(IllegalArgumentException.class);
    }
  }

  @Property
  void decodersRoundTripAndRejectNonCanonicalInputAsValues(
      @ForAll @Size(20) byte[] a, @ForAll @Size(32) byte[] b) {
    Address addr = new Address(a);
    assertThat(Address.decode(addr.toHex()).orThrow()).isEqualTo(addr);
    assertThat(Address.decode(addr.toHex().substring(2)).rejection())
        .isEqualTo(Rejection.MALFORMED);
    assertThat(Address.decode(addr.toHex() + "00").rejection()).isEqualTo(Rejection.BAD_LENGTH);
    assertThat(Address.decode("0x" + "zz".repeat(20)).rejection()).isEqualTo(Rejection.MALFORMED);
    Bytes32 h = new Bytes32(b);
    assertThat(Bytes32.decode(h.toHex()).orThrow()).isEqualTo(h);
    UInt256 v = new UInt256(new BigInteger(1, b));
    assertThat(UInt256.decode(v.toString()).orThrow()).isEqualTo(v);
  }

  @Property
  void uint256DecodeRefusesNonCanonicalDecimals(@ForAll BigInteger x) {
    var r = UInt256.decode(x.toString());
    if (x.signum() >= 0 && x.bitLength() <= 256) {
      assertThat(r.orThrow().value()).isEqualTo(x);
      assertThat(UInt256.decode("0" + x).isOk()).isFalse();
      assertThat(UInt256.decode("+" + x).isOk()).isFalse();
    } else {
      assertThat(r.isOk()).isFalse();
    }
  }
}
