package org.fedbridge.relayer.track;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.Instant;

/** A row of {@code consumer_offsets}: the next Kafka offset to read, per topic partition. */
@Entity
@Table(name = "consumer_offsets")
class ConsumerOffsetEntity {
  @Embeddable
  record Key(@Column(nullable = false) String topic, @Column(nullable = false) int partition)
      implements Serializable {}

  @EmbeddedId Key key;

  @Column(name = "next_offset", nullable = false)
  long nextOffset;

  @Column(name = "updated_at", nullable = false)
  Instant updatedAt;

  protected ConsumerOffsetEntity() {}

  ConsumerOffsetEntity(String topic, int partition, long nextOffset, Instant now) {
    this.key = new Key(topic, partition);
    this.nextOffset = nextOffset;
    this.updatedAt = now;
  }
}
