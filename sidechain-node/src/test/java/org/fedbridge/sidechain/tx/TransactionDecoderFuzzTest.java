package org.fedbridge.sidechain.tx;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import org.fedbridge.core.types.Address;
import org.fedbridge.sidechain.testing.TestAccounts;

/** Transaction decoding never throws, and a decoded transaction always has a recovered sender. */
class TransactionDecoderFuzzTest {
  static final long CHAIN = 1337;
  static final TestAccounts.Account ALICE = TestAccounts.derived("fuzz", 0);
  static final byte[] LEGACY =
      TestAccounts.legacy(
          ALICE,
          CHAIN,
          7,
          BigInteger.ONE,
          21_000,
          ALICE.address(),
          BigInteger.TEN,
          new byte[] {1, 2});
  static final byte[] EIP1559 =
      TestAccounts.eip1559(
          ALICE,
          CHAIN,
          7,
          BigInteger.ONE,
          BigInteger.TWO,
          50_000,
          Address.ZERO,
          BigInteger.TEN,
          new byte[] {3});
  final TransactionDecoder decoder = new TransactionDecoder(CHAIN);

  @Property(tries = 2000)
  void randomBytesAreRefusedWithoutThrowing(@ForAll byte[] raw) {
    Decoded d = decoder.decode(raw);
    if (d instanceof Decoded.Refused r) {
      assertThat(r.rejection().message()).isNotBlank();
    }
  }

  @Provide
  Arbitrary<byte[]> validTransactions() {
    return Arbitraries.of(LEGACY, EIP1559);
  }

  @Property(tries = 3000)
  void mutatedTransactionsNeverThrowAndNeverKeepTheSenderWithOtherBytes(
      @ForAll("validTransactions") byte[] valid,
      @ForAll @IntRange(min = 0, max = 400) int position,
      @ForAll byte value,
      @ForAll @IntRange(min = 0, max = 2) int how) {
    byte[] raw;
    int p = position % (valid.length + 1);
    if (how == 0 && p < valid.length) {
      raw = valid.clone();
      raw[p] = value;
    } else if (how == 1) {
      raw = java.util.Arrays.copyOf(valid, p); // truncated
    } else {
      raw = new byte[valid.length + 1]; // inserted byte
      System.arraycopy(valid, 0, raw, 0, p);
      raw[p] = value;
      System.arraycopy(valid, p, raw, p + 1, valid.length - p);
    }
    Decoded d = decoder.decode(raw);
    if (d instanceof Decoded.Ok ok && !java.util.Arrays.equals(raw, valid)) {
      // Another byte string may still decode (e.g. a changed value), but then its hash differs,
      // and if the signed fields changed, so does the recovered sender.
      assertThat(ok.tx().hash()).isNotEqualTo(((Decoded.Ok) decoder.decode(valid)).tx().hash());
    }
  }

  @Property(tries = 50)
  void validTransactionsDecodeToTheirSender() {
    assertThat(((Decoded.Ok) decoder.decode(LEGACY)).tx().sender()).isEqualTo(ALICE.address());
    assertThat(((Decoded.Ok) decoder.decode(EIP1559)).tx().sender()).isEqualTo(ALICE.address());
  }
}
