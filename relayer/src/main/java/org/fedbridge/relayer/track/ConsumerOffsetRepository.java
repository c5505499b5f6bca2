package org.fedbridge.relayer.track;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

interface ConsumerOffsetRepository
    extends JpaRepository<ConsumerOffsetEntity, ConsumerOffsetEntity.Key> {
  List<ConsumerOffsetEntity> findByKeyTopic(String topic);
}
