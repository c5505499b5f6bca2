package org.fedbridge.relayer.track;

import java.util.List;
import org.fedbridge.core.message.Withdrawal;
import org.fedbridge.core.types.Bytes32;

/**
 * Everything needed to claim a withdrawal on L1, by the relayer or by anyone else.
 *
 * @param withdrawal the leaf
 * @param batchId its sidechain block
 * @param root its batch's Merkle root
 * @param leafCount the batch size
 * @param index its leaf index
 * @param siblings the Merkle proof, bottom first
 * @param certificateEpoch the epoch whose federation certified the batch
 * @param signature the certificate's group signature (48-byte compressed G1)
 * @param rootPostedAt when the root was posted on L1 (null: not yet, it must be posted first)
 * @param rootClaimableAt when the posted root pays from, the end of its challenge window (null
 *     while not posted)
 * @param stage the withdrawal's stage when read
 */
public record ClaimProof(
    Withdrawal withdrawal,
    long batchId,
    Bytes32 root,
    int leafCount,
    int index,
    List<Bytes32> siblings,
    Long certificateEpoch,
    byte[] signature,
    java.time.Instant rootPostedAt,
    java.time.Instant rootClaimableAt,
    Stage stage) {

  public boolean rootPosted() {
    return rootPostedAt != null;
  }
}
