package org.fedbridge.sidechain.tx;

import java.math.BigInteger;
import java.util.Arrays;
import java.util.Objects;
import org.fedbridge.core.types.Address;
import org.fedbridge.core.types.Bytes32;
import org.fedbridge.core.types.UInt256;

/**
 * A decoded, signature-checked Ethereum transaction (legacy with EIP-155, or EIP-1559). For legacy
 * transactions {@code maxFeePerGas == maxPriorityFeePerGas == gasPrice}.
 *
 * @param type 0 (legacy) or 2 (EIP-1559)
 * @param to the recipient, or {@code null} for a contract creation (never executed here)
 * @param accessListCost the EIP-2930 intrinsic gas of the access list (EIP-1559 only)
 * @param hash {@code keccak256(raw)}
 * @param v the signature's {@code v} as it appears on the wire ({@code yParity} for type 2)
 */
public record SignedTransaction(
    int type,
    long chainId,
    long nonce,
    UInt256 maxPriorityFeePerGas,
    UInt256 maxFeePerGas,
    long gasLimit,
    Address to,
    UInt256 value,
    byte[] data,
    long accessListCost,
    Address sender,
    Bytes32 hash,
    byte[] raw,
    BigInteger v,
    BigInteger r,
    BigInteger s) {

  /**
   * The most this transaction can cost its sender: {@code gasLimit * maxFeePerGas + value} (may
   * exceed 256 bits, hence a plain integer).
   */
  public BigInteger maxCost() {
    return BigInteger.valueOf(gasLimit).multiply(maxFeePerGas.value()).add(value.value());
  }

  /** EIP-2028 calldata gas plus the base 21,000 and the access list. */
  public long intrinsicGas() {
    long gas = 21_000 + accessListCost;
    for (byte b : data) {
      gas += b == 0 ? 4 : 16;
    }
    return gas;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof SignedTransaction t
        && type == t.type
        && chainId == t.chainId
        && nonce == t.nonce
        && gasLimit == t.gasLimit
        && accessListCost == t.accessListCost
        && maxPriorityFeePerGas.equals(t.maxPriorityFeePerGas)
        && maxFeePerGas.equals(t.maxFeePerGas)
        && Objects.equals(to, t.to)
        && value.equals(t.value)
        && Arrays.equals(data, t.data)
        && sender.equals(t.sender)
        && hash.equals(t.hash)
        && Arrays.equals(raw, t.raw)
        && v.equals(t.v)
        && r.equals(t.r)
        && s.equals(t.s);
  }

  @Override
  public int hashCode() {
    return hash.hashCode();
  }

  @Override
  public String toString() {
    return "SignedTransaction[" + hash + " from " + sender + " nonce " + nonce + "]";
  }
}
