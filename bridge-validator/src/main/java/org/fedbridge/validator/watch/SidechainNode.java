package org.fedbridge.validator.watch;

import java.util.List;
import java.util.Optional;
import org.fedbridge.core.message.Withdrawal;
import org.fedbridge.core.types.Bytes32;
import org.fedbridge.validator.batch.BlockRef;

/** What the sidechain watcher asks of this operator's own sidechain replica. */
interface SidechainNode {

  /** A sidechain block header with the bridge fields. */
  record Header(
      long number, Bytes32 hash, Bytes32 parentHash, Bytes32 withdrawalRoot, long withdrawalCount) {
    BlockRef ref() {
      return new BlockRef(number, hash);
    }
  }

  /** A withdrawal as the replica lists it, with the leaf it claims for it. */
  record Listed(Withdrawal withdrawal, Bytes32 leaf) {}

  /** {@code bridge_getWithdrawalRoot}'s answer for one block. */
  record WithdrawalBlock(
      long blockNumber,
      Bytes32 blockHash,
      Bytes32 withdrawalRoot,
      long withdrawalCount,
      List<Listed> withdrawals) {}

  long headNumber() throws NodeException;

  Optional<Header> byNumber(long number) throws NodeException;

  /** The withdrawals of the block with this hash. */
  WithdrawalBlock withdrawals(Bytes32 blockHash) throws NodeException;
}
