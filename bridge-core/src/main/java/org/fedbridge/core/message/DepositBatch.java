package org.fedbridge.core.message;

import java.util.List;
import org.fedbridge.core.merkle.MerkleTree;
import org.fedbridge.core.types.Bytes32;
import org.fedbridge.core.types.Keccak;
import org.fedbridge.core.types.UInt256;

/**
 * One L1 block's deposits: {@code keccak256(abi.encode(TYPE, domain…, batchId, depositRoot,
 * depositCount))}.
 *
 * @param batchId the L1 block number holding the deposits
 * @param depositRoot Merkle root of the deposit leaves
 * @param depositCount number of leaves, at least 1
 */
public record DepositBatch(UInt256 batchId, Bytes32 depositRoot, UInt256 depositCount)
    implements SignedMessage {

  public DepositBatch {
    // SECURITY: an empty batch would certify the zero root (Nomad-class).
    if (depositCount.value().signum() == 0) {
      throw new IllegalArgumentException("depositCount must be >= 1");
    }
  }

  /** The batch for these deposits, in log order. */
  public static DepositBatch of(UInt256 batchId, List<Deposit> deposits) {
    MerkleTree tree = MerkleTree.of(deposits.stream().map(Deposit::leaf).toList());
    return new DepositBatch(batchId, tree.root(), UInt256.of(deposits.size()));
  }

  @Override
  public MessageType type() {
    return MessageType.DEPOSIT_BATCH;
  }

  @Override
  public Bytes32 digest(Domain domain) {
    return Keccak.hash(
        domain.encoder(type()).uint(batchId).bytes32(depositRoot).uint(depositCount).toBytes());
  }
}
