package org.fedbridge.sidechain.ledger;

import java.math.BigInteger;
import org.fedbridge.sidechain.tx.Rlp;

/**
 * A block header. The hash is {@code keccak256(rlp([chainId, number, parentHash, timestamp,
 * transactionsRoot, receiptsRoot, stateRoot, withdrawalRoot, withdrawalCount, gasUsed, gasLimit,
 * baseFee, logsBloom, transactionCount]))}; all roots use the bridge Merkle tree of
 * docs/encoding.md (or the compact sparse Merkle tree for the state), {@code bytes32(0)} when
 * empty.
 */
public record BlockHeader(
    long chainId,
    long number,
    byte[] parentHash,
    long timestamp,
    byte[] transactionsRoot,
    byte[] receiptsRoot,
    byte[] stateRoot,
    byte[] withdrawalRoot,
    int withdrawalCount,
    long gasUsed,
    long gasLimit,
    BigInteger baseFee,
    byte[] logsBloom,
    int transactionCount) {

  public byte[] hash() {
    return Keccak256.hash(
        Rlp.list(
            Rlp.uint(chainId),
            Rlp.uint(number),
            Rlp.string(parentHash),
            Rlp.uint(timestamp),
            Rlp.string(transactionsRoot),
            Rlp.string(receiptsRoot),
            Rlp.string(stateRoot),
            Rlp.string(withdrawalRoot),
            Rlp.uint(withdrawalCount),
            Rlp.uint(gasUsed),
            Rlp.uint(gasLimit),
            Rlp.uint(baseFee),
            Rlp.string(logsBloom),
            Rlp.uint(transactionCount)));
  }
}
