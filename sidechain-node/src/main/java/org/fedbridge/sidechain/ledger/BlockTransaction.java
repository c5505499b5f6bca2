package org.fedbridge.sidechain.ledger;

import java.math.BigInteger;
import org.fedbridge.core.types.Address;
import org.fedbridge.sidechain.tx.SignedTransaction;

/**
 * A transaction as included in a block: a user's signed transaction, or a system transaction that
 * carries a federation certificate (sent from and to the bridge system address, type {@code 0x7e},
 * no signature, no gas).
 */
public record BlockTransaction(
    byte[] hash,
    int type,
    Address from,
    Address to,
    long nonce,
    long gasLimit,
    BigInteger maxFeePerGas,
    BigInteger maxPriorityFeePerGas,
    BigInteger value,
    byte[] input,
    long chainId,
    BigInteger v,
    BigInteger r,
    BigInteger s) {

  /** Type of the system transactions that carry certificates. */
  public static final int SYSTEM_TYPE = 0x7e;

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

  public static BlockTransaction system(byte[] hash, byte[] payload, long chainId) {
    return new BlockTransaction(
        hash,
        SYSTEM_TYPE,
        BridgeContract.ADDRESS,
        BridgeContract.ADDRESS,
        0,
        0,
        BigInteger.ZERO,
        BigInteger.ZERO,
        BigInteger.ZERO,
        payload,
        chainId,
        BigInteger.ZERO,
        BigInteger.ZERO,
        BigInteger.ZERO);
  }
}
