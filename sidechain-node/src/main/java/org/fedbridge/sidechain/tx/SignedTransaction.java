package org.fedbridge.sidechain.tx;

import java.math.BigInteger;
import org.fedbridge.core.types.Address;

/**
 * A decoded, signature-checked Ethereum transaction (legacy with EIP-155, or EIP-1559). For legacy
 * transactions {@code maxFeePerGas == maxPriorityFeePerGas == gasPrice}.
 *
 * @param type 0 (legacy) or 2 (EIP-1559)
 * @param to the recipient, or {@code null} for a contract creation (never executed here)
 * @param accessListCost the EIP-2930 intrinsic gas of the access list (EIP-1559 only)
 * @param v the signature's {@code v} as it appears on the wire ({@code yParity} for type 2)
 */
public record SignedTransaction(
    int type,
    long chainId,
    long nonce,
    BigInteger maxPriorityFeePerGas,
    BigInteger maxFeePerGas,
    long gasLimit,
    Address to,
    BigInteger value,
    byte[] data,
    long accessListCost,
    Address sender,
    byte[] hash,
    byte[] raw,
    BigInteger v,
    BigInteger r,
    BigInteger s) {

  /** The most this transaction can cost its sender: {@code gasLimit * maxFeePerGas + value}. */
  public BigInteger maxCost() {
    return BigInteger.valueOf(gasLimit).multiply(maxFeePerGas).add(value);
  }

  /** EIP-2028 calldata gas plus the base 21,000 and the access list. */
  public long intrinsicGas() {
    long gas = 21_000 + accessListCost;
    for (byte b : data) {
      gas += b == 0 ? 4 : 16;
    }
    return gas;
  }
}
