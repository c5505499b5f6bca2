package org.fedbridge.relayer.fees;

import java.math.BigInteger;

/** What the relayer is willing to offer for the next L1 transaction. */
public sealed interface FeeQuote {

  /**
   * EIP-1559 fees to sign with.
   *
   * @param maxFeePerGas most paid per gas (base fee + tip), at most the configured ceiling
   * @param maxPriorityFeePerGas tip per gas
   * @param nextBaseFee the next block's base fee the quote was made for
   */
  record Priced(BigInteger maxFeePerGas, BigInteger maxPriorityFeePerGas, BigInteger nextBaseFee)
      implements FeeQuote {}

  /**
   * The fees the network asks are above the relayer's ceiling: it waits instead of overpaying.
   *
   * @param needed base fee + tip the next block needs
   * @param ceiling the configured ceiling
   */
  record AboveCeiling(BigInteger needed, BigInteger ceiling) implements FeeQuote {}
}
