package org.fedbridge.relayer.track;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** A row of {@code chain_cursors}: the next block a watcher scans. */
@Entity
@Table(name = "chain_cursors")
class CursorEntity {
  @Id String name;

  @Column(name = "next_block", nullable = false)
  long nextBlock;

  @Column(name = "updated_at", nullable = false)
  Instant updatedAt;

  protected CursorEntity() {}

  CursorEntity(String name, long nextBlock, Instant now) {
    this.name = name;
    this.nextBlock = nextBlock;
    this.updatedAt = now;
  }
}
