package org.fedbridge.relayer.track;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.Instant;

/** A row of {@code batches}: one signed batch and what happened to it. */
@Entity
@Table(name = "batches")
class BatchEntity {
  @Embeddable
  record Key(
      @Enumerated(EnumType.STRING) @Column(nullable = false) Kind kind,
      @Column(name = "batch_id", nullable = false) long batchId)
      implements Serializable {}

  @EmbeddedId Key key;

  String root;

  @Column(name = "leaf_count")
  Integer leafCount;

  @Column(name = "cert_epoch")
  Long certEpoch;

  @Column(name = "cert_root")
  String certRoot;

  @Column(name = "cert_count")
  Integer certCount;

  @Column(name = "cert_signature")
  byte[] certSignature;

  @Column(name = "certified_at")
  Instant certifiedAt;

  @Column(nullable = false)
  int partials;

  Integer threshold;

  @Column(name = "posted_root")
  String postedRoot;

  @Column(name = "posted_tx_hash")
  String postedTxHash;

  @Column(name = "posted_at")
  Instant postedAt;

  /** When the posted root pays from (the end of its challenge window). */
  @Column(name = "claimable_at")
  Instant claimableAt;

  @Column(name = "revoked_at")
  Instant revokedAt;

  @Column(name = "revoked_root")
  String revokedRoot;

  String problem;

  @Column(name = "updated_at", nullable = false)
  Instant updatedAt;

  protected BatchEntity() {}

  BatchEntity(Kind kind, long batchId, Instant now) {
    this.key = new Key(kind, batchId);
    this.updatedAt = now;
  }

  boolean certified() {
    return certifiedAt != null;
  }

  /** The chain's root and the certificate's agree (both known). */
  boolean certificateMatchesChain() {
    return certified()
        && root != null
        && root.equals(certRoot)
        && leafCount != null
        && leafCount.equals(certCount);
  }
}
