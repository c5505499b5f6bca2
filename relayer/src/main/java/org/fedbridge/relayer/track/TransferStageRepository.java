package org.fedbridge.relayer.track;

import java.util.Collection;
import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

interface TransferStageRepository extends JpaRepository<TransferStageEntity, Long> {
  List<TransferStageEntity> findByTransferIdOrderByIdAsc(Long transferId);

  List<TransferStageEntity> findByTransferIdInOrderByIdAsc(Collection<Long> transferIds);
}
