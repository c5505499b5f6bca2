package org.fedbridge.relayer.track;

import java.util.Collection;
import java.util.List;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

interface TransferStageRepository extends JpaRepository<TransferStageEntity, Long> {

  /** Stage rows after {@code after}, each with its transfer, oldest first. */
  @Query(
      "select s, t from TransferStageEntity s, TransferEntity t where t.id = s.transferId"
          + " and s.id > :after order by s.id")
  List<Object[]> after(@Param("after") long after, Pageable page);

  @Query("select coalesce(max(s.id), 0) from TransferStageEntity s")
  long lastId();

  List<TransferStageEntity> findByTransferIdOrderByIdAsc(Long transferId);

  List<TransferStageEntity> findByTransferIdInOrderByIdAsc(Collection<Long> transferIds);
}
