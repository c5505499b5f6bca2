package org.fedbridge.relayer.track;

import jakarta.persistence.LockModeType;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

interface BatchRepository extends JpaRepository<BatchEntity, BatchEntity.Key> {

  @Query(
      "select b from BatchEntity b where b.key.kind = org.fedbridge.relayer.track.Kind.WITHDRAWAL"
          + " and b.certifiedAt is not null and b.postedTxHash is null and b.revokedAt is null"
          + " order by b.key.batchId")
  List<BatchEntity> findCertifiedUnposted(Pageable page);

  /** Creates the batch's row unless it exists (another writer may create it at the same time). */
  @Modifying
  @Query(
      value =
          "INSERT INTO {h-schema}batches (kind, batch_id, updated_at) VALUES (:kind, :batchId, :at)"
              + " ON CONFLICT DO NOTHING",
      nativeQuery = true)
  void insertIfAbsent(
      @Param("kind") String kind, @Param("batchId") long batchId, @Param("at") Instant at);

  /** The batch's row, locked until the transaction ends. */
  @Lock(LockModeType.PESSIMISTIC_WRITE)
  @Query("select b from BatchEntity b where b.key = :key")
  Optional<BatchEntity> findLocked(@Param("key") BatchEntity.Key key);
}
