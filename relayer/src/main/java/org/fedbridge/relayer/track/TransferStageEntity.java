package org.fedbridge.relayer.track;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** A row of {@code transfer_stages}: one stage a transfer reached. */
@Entity
@Table(name = "transfer_stages")
class TransferStageEntity {
  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  Long id;

  @Column(name = "transfer_id", nullable = false)
  Long transferId;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false)
  Stage stage;

  String detail;

  @Column(nullable = false)
  Instant at;

  protected TransferStageEntity() {}

  TransferStageEntity(Long transferId, Stage stage, String detail, Instant at) {
    this.transferId = transferId;
    this.stage = stage;
    this.detail = detail;
    this.at = at;
  }
}
