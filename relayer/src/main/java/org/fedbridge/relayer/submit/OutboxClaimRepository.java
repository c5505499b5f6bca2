package org.fedbridge.relayer.submit;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

interface OutboxClaimRepository extends JpaRepository<OutboxClaimEntity, OutboxClaimEntity.Key> {
  List<OutboxClaimEntity> findByKeyOutboxId(long outboxId);
}
