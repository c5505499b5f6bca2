package org.fedbridge.sidechain.ledger;

import java.math.BigInteger;
import java.util.Arrays;
import java.util.Objects;
import org.fedbridge.core.types.Address;
import org.fedbridge.core.types.Bytes32;
import org.fedbridge.core.types.UInt256;
import org.fedbridge.sidechain.tx.SignedTransaction;

/**
 * A transaction as included in a block: a user's signed transaction, or a system transaction that
 * carries a federation certificate (sent from and to the bridge system address, type {@code 0x7e},
 * no signature, no gas).
 */
public record BlockTransaction(
    Bytes32 hash,
    int type,
    Address from,
    Address to,
    long nonce,
    long gasLimit,
    UInt256 maxFeePerGas,
    UInt256 maxPriorityFeePerGas,
    UInt256 value,
    byte[] input,
    long chainId,
    BigInteger v,
    BigInteger r,
    BigInteger s) {

  /** Type of the system transactions that carry certificates. */
  public static final int SYSTEM_TYPE = 0x7e;

  public BlockTransaction {
    input = input.clone();
  }

  @Override
  public byte[] input() {
    return input.clone();
  }

  public static BlockTransaction of(SignedTransaction tx) {
    return new BlockTransaction(
        tx.hash(),
        tx.type(),
        tx.sender(),
        tx.to(),
        tx.nonce(),
        tx.gasLimit(),
        tx.maxFeePerGas(),
        tx.maxPriorityFeePerGas(),
        tx.value(),
        tx.data(),
        tx.chainId(),
        tx.v(),
        tx.r(),
        tx.s());
  }

  static BlockTransaction system(Bytes32 hash, byte[] payload, long chainId) {
    return new BlockTransaction(
        hash,
        SYSTEM_TYPE,
        BridgeContract.ADDRESS,
        BridgeContract.ADDRESS,
        0,
        0,
        UInt256.ZERO,
        UInt256.ZERO,
        UInt256.ZERO,
        payload,
        chainId,
        BigInteger.ZERO,
        BigInteger.ZERO,
        BigInteger.ZERO);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof BlockTransaction t
        && hash.equals(t.hash)
        && type == t.type
        && from.equals(t.from)
        && Objects.equals(to, t.to)
        && nonce == t.nonce
        && gasLimit == t.gasLimit
        && maxFeePerGas.equals(t.maxFeePerGas)
        && maxPriorityFeePerGas.equals(t.maxPriorityFeePerGas)
        && value.equals(t.value)
        && Arrays.equals(input, t.input)
        && chainId == t.chainId
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
    return "BlockTransaction[" + hash + " from " + from + " nonce " + nonce + "]";
  }
}
