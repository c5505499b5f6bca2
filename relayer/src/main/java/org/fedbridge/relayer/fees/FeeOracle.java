package org.fedbridge.relayer.fees;

import java.io.IOException;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.fedbridge.relayer.RelayerProperties;
import org.fedbridge.relayer.chain.L1Client;

/**
 * EIP-1559 fees from {@code eth_feeHistory}: the tip is the median of the recent blocks' reward
 * percentile (clamped to the configured range), the max fee covers {@code baseFeeMultiplier} times
 * the next block's base fee plus the tip, and never exceeds the configured ceiling. A replacement
 * raises both fees by at least {@code bumpPercent} (nodes refuse a replacement under +10%), and
 * also to the current quote if that is higher.
 */
public final class FeeOracle {
  private static final BigInteger HUNDRED = BigInteger.valueOf(100);
  private final L1Client l1;
  private final RelayerProperties.Fees settings;

  public FeeOracle(L1Client l1, RelayerProperties.Fees settings) {
    this.l1 = l1;
    this.settings = settings;
  }

  /** A fresh quote from the node's fee history. */
  public FeeQuote quote() throws IOException {
    return quote(l1.feeHistory(settings.historyBlocks(), settings.rewardPercentile()));
  }

  /** The quote for a given fee history (pure: the policy, testable without a node). */
  public FeeQuote quote(L1Client.FeeHistory history) {
    List<BigInteger> bases = history.baseFees();
    BigInteger nextBase = bases.isEmpty() ? BigInteger.ZERO : bases.get(bases.size() - 1);
    BigInteger tip = clamp(median(history.rewards()));
    BigInteger needed = nextBase.add(tip);
    BigInteger ceiling = settings.maxFeeCeiling();
    if (needed.compareTo(ceiling) > 0) {
      return new FeeQuote.AboveCeiling(needed, ceiling);
    }
    BigInteger maxFee =
        nextBase.multiply(BigInteger.valueOf(settings.baseFeeMultiplier())).add(tip).min(ceiling);
    return new FeeQuote.Priced(maxFee, tip, nextBase);
  }

  /**
   * Fees for a replacement of a transaction signed with {@code previous}: at least {@code
   * bumpPercent} more on both fees, and at least the fresh quote.
   *
   * @return the replacement's fees, or {@link FeeQuote.AboveCeiling} if the bump would pass the
   *     ceiling (the transaction then waits as it is)
   */
  public FeeQuote bump(FeeQuote.Priced previous, FeeQuote fresh) {
    BigInteger tip = raise(previous.maxPriorityFeePerGas());
    BigInteger max = raise(previous.maxFeePerGas());
    BigInteger base = previous.nextBaseFee();
    if (fresh instanceof FeeQuote.Priced p) {
      tip = tip.max(p.maxPriorityFeePerGas());
      max = max.max(p.maxFeePerGas());
      base = p.nextBaseFee();
    }
    max = max.max(tip);
    if (max.compareTo(settings.maxFeeCeiling()) > 0) {
      return new FeeQuote.AboveCeiling(max, settings.maxFeeCeiling());
    }
    return new FeeQuote.Priced(max, tip, base);
  }

  private BigInteger raise(BigInteger fee) {
    // ceil(fee * (100 + p) / 100), and at least +1 wei so that a zero fee still rises.
    BigInteger scaled = fee.multiply(HUNDRED.add(BigInteger.valueOf(settings.bumpPercent())));
    BigInteger[] qr = scaled.divideAndRemainder(HUNDRED);
    BigInteger up = qr[1].signum() == 0 ? qr[0] : qr[0].add(BigInteger.ONE);
    return up.max(fee.add(BigInteger.ONE));
  }

  private BigInteger clamp(BigInteger tip) {
    return tip.max(settings.minPriorityFee()).min(settings.maxPriorityFee());
  }

  private static BigInteger median(List<BigInteger> values) {
    if (values.isEmpty()) {
      return BigInteger.ZERO;
    }
    List<BigInteger> sorted = new ArrayList<>(values);
    Collections.sort(sorted);
    return sorted.get(sorted.size() / 2);
  }
}
