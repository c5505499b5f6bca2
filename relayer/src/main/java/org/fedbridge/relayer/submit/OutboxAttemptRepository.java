package org.fedbridge.relayer.submit;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

interface OutboxAttemptRepository extends JpaRepository<OutboxAttemptEntity, Long> {
  List<OutboxAttemptEntity> findByOutboxIdOrderByIdAsc(Long outboxId);
}
