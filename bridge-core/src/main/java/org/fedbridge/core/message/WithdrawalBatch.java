package org.fedbridge.core.message;

import java.util.List;
import org.fedbridge.core.merkle.MerkleTree;
import org.fedbridge.core.types.Bytes32;
import org.fedbridge.core.types.Keccak;
import org.fedbridge.core.types.UInt256;

/**
 * One sidechain block's withdrawals: {@code keccak256(abi.encode(TYPE, domain…, batchId,
 * withdrawalRoot, withdrawalCount))}.
 */
public record WithdrawalBatch(UInt256 batchId, Bytes32 withdrawalRoot, UInt256 withdrawalCount)
    implements SignedMessage {

  public WithdrawalBatch {
    // SECURITY: an empty batch would certify the zero root.
    if (withdrawalCount.value().signum() == 0) {
      throw new IllegalArgumentException("withdrawalCount must be >= 1");
    }
  }

  public static WithdrawalBatch of(UInt256 batchId, List<Withdrawal> withdrawals) {
    MerkleTree tree = MerkleTree.of(withdrawals.stream().map(Withdrawal::leaf).toList());
    return new WithdrawalBatch(batchId, tree.root(), UInt256.of(withdrawals.size()));
  }

  @Override
  public MessageType type() {
    return MessageType.WITHDRAWAL_BATCH;
  }

  @Override
  public Bytes32 digest(Domain domain) {
    return Keccak.hash(
        domain
            .encoder(type())
            .uint(batchId)
            .bytes32(withdrawalRoot)
            .uint(withdrawalCount)
            .toBytes());
  }
}
