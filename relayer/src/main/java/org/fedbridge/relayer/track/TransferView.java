package org.fedbridge.relayer.track;

import java.math.BigInteger;
import java.time.Instant;
import java.util.List;

/**
 * A transfer as the relayer knows it.
 *
 * @param kind deposit or withdrawal
 * @param nonce its nonce (deposit nonce on L1, withdrawal nonce on the sidechain)
 * @param l1Token the L1 token ({@code 0x0…0} for ETH)
 * @param sender who sent it (null while unknown)
 * @param recipient who receives it
 * @param amount in the token's smallest unit
 * @param stage where it is
 * @param detail why, in words
 * @param until when a hold ends, if known
 * @param batchId the batch (deposit: L1 block; withdrawal: sidechain block)
 * @param leafIndex a withdrawal's place in its batch's tree
 * @param sourceTxHash deposit: L1 transaction; withdrawal: sidechain burn
 * @param targetTxHash deposit: sidechain mint; withdrawal: L1 payment
 * @param batch its batch, if known
 * @param history every stage reached, oldest first
 * @param updatedAt when the relayer last changed it
 */
public record TransferView(
    long id,
    Kind kind,
    BigInteger nonce,
    String l1Token,
    String sender,
    String recipient,
    BigInteger amount,
    Stage stage,
    String detail,
    Instant until,
    Long batchId,
    Integer leafIndex,
    String sourceTxHash,
    String targetTxHash,
    BatchView batch,
    List<StageEntry> history,
    Instant updatedAt) {

  /** One stage reached. */
  public record StageEntry(Stage stage, String detail, Instant at) {}

  /**
   * A batch: the chain's root, the certificate, the partial signatures seen, the root on L1.
   *
   * @param problem why a certificate was refused or the posted root is wrong, if so
   */
  public record BatchView(
      long batchId,
      String root,
      Integer leafCount,
      Long certificateEpoch,
      Instant certifiedAt,
      int signatures,
      Integer threshold,
      String postedTxHash,
      Instant postedAt,
      Instant revokedAt,
      String problem) {}
}
