package org.fedbridge.relayer.submit;

import jakarta.persistence.LockModeType;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

interface GasAccountRepository extends JpaRepository<GasAccountEntity, String> {
  @Lock(LockModeType.PESSIMISTIC_WRITE)
  @Query("select a from GasAccountEntity a where a.address = :address")
  Optional<GasAccountEntity> lock(@Param("address") String address);
}
