package org.fedbridge.relayer.track;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;
import java.io.Serializable;

/** A row of {@code partials_seen}: one member's partial signature for one digest. */
@Entity
@Table(name = "partials_seen")
class PartialSeenEntity {
  @Embeddable
  record Key(
      @Enumerated(EnumType.STRING) @Column(nullable = false) Kind kind,
      @Column(name = "batch_id", nullable = false) long batchId,
      @Column(nullable = false) long epoch,
      @Column(name = "member_index", nullable = false) int memberIndex,
      @Column(nullable = false) String digest)
      implements Serializable {}

  @EmbeddedId Key key;

  @Column(nullable = false)
  byte[] signature;

  @Column(nullable = false)
  boolean verified;

  protected PartialSeenEntity() {}

  PartialSeenEntity(Key key, byte[] signature, boolean verified) {
    this.key = key;
    this.signature = signature;
    this.verified = verified;
  }
}
