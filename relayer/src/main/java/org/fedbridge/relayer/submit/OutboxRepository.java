package org.fedbridge.relayer.submit;

import java.math.BigInteger;
import java.util.Collection;
import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

interface OutboxRepository extends JpaRepository<OutboxEntity, Long> {
  List<OutboxEntity> findByStatusOrderByNonceAsc(OutboxEntity.Status status);

  @Query("select coalesce(max(o.nonce) + 1, 0) from OutboxEntity o where o.fromAddress = :from")
  long nextUnusedNonce(@Param("from") String from);

  boolean existsByKindAndBatchIdAndStatusIn(
      OutboxEntity.Kind kind, Long batchId, Collection<OutboxEntity.Status> statuses);

  /** Withdrawals in pending claims, and in claims mined since {@code since}. */
  @Query(
      "select c.key.nonce from OutboxClaimEntity c, OutboxEntity o where o.id = c.key.outboxId"
          + " and (o.status = org.fedbridge.relayer.submit.OutboxEntity.Status.PENDING"
          + " or (o.status = org.fedbridge.relayer.submit.OutboxEntity.Status.MINED"
          + " and o.updatedAt > :since))")
  List<BigInteger> busyNonces(@Param("since") java.time.Instant since);

  List<OutboxEntity> findByStatusInOrderByIdAsc(Collection<OutboxEntity.Status> statuses);
}
