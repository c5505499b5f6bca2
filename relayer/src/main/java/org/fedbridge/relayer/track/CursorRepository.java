package org.fedbridge.relayer.track;

import org.springframework.data.jpa.repository.JpaRepository;

interface CursorRepository extends JpaRepository<CursorEntity, String> {}
