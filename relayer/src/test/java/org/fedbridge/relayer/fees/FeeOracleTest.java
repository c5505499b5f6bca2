package org.fedbridge.relayer.fees;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import java.util.List;
import org.fedbridge.relayer.RelayerProperties;
import org.fedbridge.relayer.chain.L1Client;
import org.junit.jupiter.api.Test;

/** The EIP-1559 fee policy: tip from history, max fee with headroom, ceiling, replacement bump. */
class FeeOracleTest {
  static final BigInteger GWEI = BigInteger.TEN.pow(9);

  static RelayerProperties.Fees settings(long ceilingGwei) {
    return new RelayerProperties.Fees(
        10, 50, 2, GWEI, GWEI.multiply(BigInteger.valueOf(5)), gwei(ceilingGwei), 15);
  }

  static BigInteger gwei(long n) {
    return GWEI.multiply(BigInteger.valueOf(n));
  }

  final FeeOracle oracle = new FeeOracle(null, settings(300));

  @Test
  void maxFeeCoversTwiceTheNextBaseFeePlusTheMedianTip() {
    var history =
        new L1Client.FeeHistory(
            List.of(gwei(8), gwei(9), gwei(10)), List.of(gwei(2), gwei(3), gwei(4)));
    FeeQuote.Priced q = (FeeQuote.Priced) oracle.quote(history);
    assertThat(q.nextBaseFee()).isEqualTo(gwei(10));
    assertThat(q.maxPriorityFeePerGas()).isEqualTo(gwei(3));
    assertThat(q.maxFeePerGas()).isEqualTo(gwei(23));
  }

  @Test
  void tipIsClampedToTheConfiguredRange() {
    var low = new L1Client.FeeHistory(List.of(gwei(1)), List.of(BigInteger.ZERO));
    var high = new L1Client.FeeHistory(List.of(gwei(1)), List.of(gwei(50), gwei(60)));
    assertThat(((FeeQuote.Priced) oracle.quote(low)).maxPriorityFeePerGas()).isEqualTo(GWEI);
    assertThat(((FeeQuote.Priced) oracle.quote(high)).maxPriorityFeePerGas()).isEqualTo(gwei(5));
  }

  @Test
  void aboveTheCeilingItWaitsAndBelowItTheMaxFeeIsCappedByIt() {
    var expensive = new L1Client.FeeHistory(List.of(gwei(400)), List.of(gwei(1)));
    assertThat(oracle.quote(expensive)).isEqualTo(new FeeQuote.AboveCeiling(gwei(401), gwei(300)));
    var near = new L1Client.FeeHistory(List.of(gwei(200)), List.of(gwei(1)));
    FeeQuote.Priced q = (FeeQuote.Priced) oracle.quote(near);
    assertThat(q.maxFeePerGas()).isEqualTo(gwei(300)); // 2 × 200 + 1 capped, still ≥ 201
  }

  @Test
  void aReplacementRaisesBothFeesByAtLeastTheBumpAndToTheFreshQuote() {
    var previous = new FeeQuote.Priced(gwei(20), gwei(2), gwei(9));
    FeeQuote.Priced quiet =
        (FeeQuote.Priced) oracle.bump(previous, new FeeQuote.Priced(gwei(10), gwei(1), gwei(4)));
    assertThat(quiet.maxFeePerGas()).isEqualTo(gwei(23)); // +15 %
    assertThat(quiet.maxPriorityFeePerGas()).isEqualTo(new BigInteger("2300000000"));
    FeeQuote.Priced busy =
        (FeeQuote.Priced) oracle.bump(previous, new FeeQuote.Priced(gwei(90), gwei(4), gwei(43)));
    assertThat(busy.maxFeePerGas()).isEqualTo(gwei(90));
    assertThat(busy.maxPriorityFeePerGas()).isEqualTo(gwei(4));
    assertThat(busy.nextBaseFee()).isEqualTo(gwei(43));
  }

  @Test
  void aZeroFeeStillRisesAndABumpPastTheCeilingIsRefused() {
    var zero = new FeeQuote.Priced(BigInteger.ZERO, BigInteger.ZERO, BigInteger.ZERO);
    FeeQuote.Priced up =
        (FeeQuote.Priced) oracle.bump(zero, new FeeQuote.AboveCeiling(gwei(1), gwei(1)));
    assertThat(up.maxFeePerGas()).isPositive();
    var atCeiling = new FeeQuote.Priced(gwei(290), gwei(2), gwei(100));
    assertThat(oracle.bump(atCeiling, new FeeQuote.Priced(gwei(10), gwei(1), gwei(4))))
        .isInstanceOf(FeeQuote.AboveCeiling.class);
  }
}
