package org.fedbridge.relayer.track;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.math.BigInteger;
import java.time.Instant;

/** A row of {@code transfers}. */
@Entity
@Table(name = "transfers")
class TransferEntity {
  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  Long id;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false)
  Kind kind;

  @Column(nullable = false, precision = 78)
  BigInteger nonce;

  @Column(name = "l1_token", nullable = false)
  String l1Token;

  String sender;

  @Column(nullable = false)
  String recipient;

  @Column(nullable = false, precision = 78)
  BigInteger amount;

  @Column(name = "batch_id")
  Long batchId;

  @Column(name = "leaf_index")
  Integer leafIndex;

  @Column(name = "source_tx_hash")
  String sourceTxHash;

  @Column(name = "target_tx_hash")
  String targetTxHash;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false)
  Stage stage;

  @Column(name = "stage_detail")
  String stageDetail;

  @Column(name = "stage_until")
  Instant stageUntil;

  @Column(name = "stage_at")
  Instant stageAt;

  /** When the vault settled it (paid, or owed): what its outflow limit counts. */
  @Column(name = "settled_at")
  Instant settledAt;

  @Column(name = "created_at", nullable = false)
  Instant createdAt;

  @Column(name = "updated_at", nullable = false)
  Instant updatedAt;

  protected TransferEntity() {}

  TransferEntity(Kind kind, BigInteger nonce, Instant now) {
    this.kind = kind;
    this.nonce = nonce;
    this.createdAt = now;
    this.updatedAt = now;
  }
}
