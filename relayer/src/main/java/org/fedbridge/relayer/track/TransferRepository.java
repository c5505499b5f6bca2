package org.fedbridge.relayer.track;

import java.math.BigInteger;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

interface TransferRepository extends JpaRepository<TransferEntity, Long> {

  Optional<TransferEntity> findByKindAndNonce(Kind kind, BigInteger nonce);

  List<TransferEntity> findByKindAndNonceIn(Kind kind, Collection<BigInteger> nonces);

  @Query(
      "select t from TransferEntity t where t.sourceTxHash = :hash or t.targetTxHash = :hash"
          + " order by t.id")
  List<TransferEntity> findByTxHash(@Param("hash") String hash);

  @Query(
      value =
          "select t from TransferEntity t where t.sender = :address or t.recipient = :address"
              + " order by t.id desc",
      countQuery =
          "select count(t) from TransferEntity t where t.sender = :address"
              + " or t.recipient = :address")
  Page<TransferEntity> findByAddress(@Param("address") String address, Pageable page);

  List<TransferEntity> findByKindAndBatchIdOrderByLeafIndexAscNonceAsc(Kind kind, Long batchId);

  List<TransferEntity> findByKindAndStageAndRecipientAndL1Token(
      Kind kind, Stage stage, String recipient, String l1Token);

  List<TransferEntity> findByKindAndStageAndRecipientOrderByNonce(
      Kind kind, Stage stage, String recipient);

  @Query(
      "select t from TransferEntity t where t.kind = :kind and t.settledAt >= :since"
          + " order by t.settledAt")
  List<TransferEntity> findSettledSince(@Param("kind") Kind kind, @Param("since") Instant since);

  List<TransferEntity> findByKindAndStageAndBatchIdLessThan(Kind kind, Stage stage, Long batchId);

  @Query(
      "select t from TransferEntity t where t.kind = :kind and t.stage in :stages"
          + " order by t.nonce")
  List<TransferEntity> findOpen(
      @Param("kind") Kind kind, @Param("stages") Collection<Stage> stages, Pageable page);
}
