package org.fedbridge.relayer.track;

import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

interface VaultEventRepository extends JpaRepository<VaultEventEntity, Long> {
  Optional<VaultEventEntity> findFirstByOrderByIdDesc();
}
