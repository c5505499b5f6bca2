package org.fedbridge.relayer.track;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** A row of {@code vault_events}: pauses, unpauses and revocations read from L1. */
@Entity
@Table(name = "vault_events")
class VaultEventEntity {
  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  Long id;

  @Column(nullable = false)
  String name;

  String detail;

  @Column(nullable = false)
  long block;

  @Column(name = "tx_hash", nullable = false)
  String txHash;

  @Column(nullable = false)
  Instant at;

  protected VaultEventEntity() {}

  VaultEventEntity(String name, String detail, long block, String txHash, Instant at) {
    this.name = name;
    this.detail = detail;
    this.block = block;
    this.txHash = txHash;
    this.at = at;
  }
}
