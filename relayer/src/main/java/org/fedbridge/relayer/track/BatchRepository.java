package org.fedbridge.relayer.track;

import java.util.List;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface BatchRepository extends JpaRepository<BatchEntity, BatchEntity.Key> {

  @Query(
      "select b from BatchEntity b where b.key.kind = org.fedbridge.relayer.track.Kind.WITHDRAWAL"
          + " and b.certifiedAt is not null and b.postedTxHash is null and b.revokedAt is null"
          + " order by b.key.batchId")
  List<BatchEntity> findCertifiedUnposted(Pageable page);
}
