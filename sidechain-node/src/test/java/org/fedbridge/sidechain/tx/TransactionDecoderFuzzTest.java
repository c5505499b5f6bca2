package org.fedbridge.sidechain.tx;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.arbitrary;
import static org.quicktheories.generators.SourceDSL.integers;

import java.math.BigInteger;
import java.util.Arrays;
import org.fedbridge.core.types.Address;
import org.fedbridge.sidechain.testing.Generators;
import org.fedbridge.sidechain.testing.TestAccounts;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;

/**
 * Transaction decoding never throws, and a decoded transaction always has a recovered sender
 * (QuickTheories: random and mutated inputs, shrunk to a minimal failing one).
 */
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

  static Gen<byte[]> validTransactions() {
    return arbitrary().pick(LEGACY, EIP1559);
  }

  @Test
  void randomBytesAreRefusedWithoutThrowing() {
    qt().withExamples(2000)
        .forAll(Generators.bytes(255))
        .checkAssert(
            raw -> {
              Decoded d = decoder.decode(raw);
              if (d instanceof Decoded.Refused r) {
                assertThat(r.rejection().message()).isNotBlank();
              }
            });
  }

  @Test
  void mutatedTransactionsNeverThrowAndNeverKeepTheSenderWithOtherBytes() {
    qt().withExamples(3000)
        .forAll(
            validTransactions(),
            integers().between(0, 400),
            Generators.oneByte(),
            integers().between(0, 2))
        .checkAssert(this::mutated);
  }

  private void mutated(byte[] valid, int position, byte value, int how) {
    byte[] raw;
    int p = position % (valid.length + 1);
    if (how == 0 && p < valid.length) {
      raw = valid.clone();
      raw[p] = value;
    } else if (how == 1) {
      raw = Arrays.copyOf(valid, p); // truncated
    } else {
      raw = new byte[valid.length + 1]; // inserted byte
      System.arraycopy(valid, 0, raw, 0, p);
      raw[p] = value;
      System.arraycopy(valid, p, raw, p + 1, valid.length - p);
    }
    Decoded d = decoder.decode(raw);
    if (d instanceof Decoded.Ok ok && !Arrays.equals(raw, valid)) {
      // Another byte string may still decode (e.g. a changed value), but then its hash differs,
      // and if the signed fields changed, so does the recovered sender.
      assertThat(ok.tx().hash()).isNotEqualTo(((Decoded.Ok) decoder.decode(valid)).tx().hash());
    }
  }

  @Test
  void validTransactionsDecodeToTheirSender() {
    qt().withExamples(50)
        .forAll(validTransactions())
        .checkAssert(
            raw ->
                assertThat(((Decoded.Ok) decoder.decode(raw)).tx().sender())
                    .isEqualTo(ALICE.address()));
  }
}
