package org.fedbridge.sidechain.ledger;

import java.util.Arrays;
import java.util.Objects;
import org.fedbridge.core.types.Bytes32;
import org.fedbridge.core.types.Keccak;
import org.fedbridge.core.types.UInt256;
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
    Bytes32 parentHash,
    long timestamp,
    Bytes32 transactionsRoot,
    Bytes32 receiptsRoot,
    Bytes32 stateRoot,
    Bytes32 withdrawalRoot,
    int withdrawalCount,
    long gasUsed,
    long gasLimit,
    UInt256 baseFee,
    byte[] logsBloom,
    int transactionCount) {

  public BlockHeader {
    logsBloom = logsBloom.clone();
  }

  @Override
  public byte[] logsBloom() {
    return logsBloom.clone();
  }

  public Bytes32 hash() {
    return Keccak.hash(
        Rlp.list(
            Rlp.uint(chainId),
            Rlp.uint(number),
            Rlp.string(parentHash.bytes()),
            Rlp.uint(timestamp),
            Rlp.string(transactionsRoot.bytes()),
            Rlp.string(receiptsRoot.bytes()),
            Rlp.string(stateRoot.bytes()),
            Rlp.string(withdrawalRoot.bytes()),
            Rlp.uint(withdrawalCount),
            Rlp.uint(gasUsed),
            Rlp.uint(gasLimit),
            Rlp.uint(baseFee),
            Rlp.string(logsBloom),
            Rlp.uint(transactionCount)));
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof BlockHeader h
        && chainId == h.chainId
        && number == h.number
        && parentHash.equals(h.parentHash)
        && timestamp == h.timestamp
        && transactionsRoot.equals(h.transactionsRoot)
        && receiptsRoot.equals(h.receiptsRoot)
        && stateRoot.equals(h.stateRoot)
        && withdrawalRoot.equals(h.withdrawalRoot)
        && withdrawalCount == h.withdrawalCount
        && gasUsed == h.gasUsed
        && gasLimit == h.gasLimit
        && baseFee.equals(h.baseFee)
        && Arrays.equals(logsBloom, h.logsBloom)
        && transactionCount == h.transactionCount;
  }

  @Override
  public int hashCode() {
    return Objects.hash(number, parentHash, stateRoot);
  }

  @Override
  public String toString() {
    return "BlockHeader[" + number + " state " + stateRoot + "]";
  }
}
