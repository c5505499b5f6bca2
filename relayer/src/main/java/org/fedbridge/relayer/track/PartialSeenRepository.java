package org.fedbridge.relayer.track;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

interface PartialSeenRepository extends JpaRepository<PartialSeenEntity, PartialSeenEntity.Key> {

  @Query(
      "select count(p) from PartialSeenEntity p where p.key.kind = :kind"
          + " and p.key.batchId = :batchId and p.key.epoch = :epoch and p.verified = true")
  int countVerified(
      @Param("kind") Kind kind, @Param("batchId") long batchId, @Param("epoch") long epoch);

  @Query(
      "select count(p) from PartialSeenEntity p where p.key.kind = :kind"
          + " and p.key.batchId = :batchId and p.key.epoch = :epoch"
          + " and p.key.memberIndex = :index")
  int countFor(
      @Param("kind") Kind kind,
      @Param("batchId") long batchId,
      @Param("epoch") long epoch,
      @Param("index") int index);

  @Query(
      "select p from PartialSeenEntity p where p.key.kind = :kind and p.key.batchId = :batchId"
          + " and p.verified = false")
  List<PartialSeenEntity> findPending(@Param("kind") Kind kind, @Param("batchId") long batchId);
}
