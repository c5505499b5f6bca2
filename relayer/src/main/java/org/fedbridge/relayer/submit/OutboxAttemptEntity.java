package org.fedbridge.relayer.submit;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.math.BigInteger;
import java.time.Instant;

/** A row of {@code outbox_attempts}: one signed version of an intended transaction. */
@Entity
@Table(name = "outbox_attempts")
class OutboxAttemptEntity {
  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  Long id;

  @Column(name = "outbox_id", nullable = false)
  Long outboxId;

  @Column(name = "tx_hash", nullable = false)
  String txHash;

  @Column(nullable = false)
  byte[] raw;

  @Column(name = "max_fee", nullable = false, precision = 78)
  BigInteger maxFee;

  @Column(name = "priority_fee", nullable = false, precision = 78)
  BigInteger priorityFee;

  @Column(name = "next_base_fee", nullable = false, precision = 78)
  BigInteger nextBaseFee;

  @Column(name = "created_at", nullable = false)
  Instant createdAt;

  @Column(name = "broadcast_at")
  Instant broadcastAt;

  protected OutboxAttemptEntity() {}

  OutboxAttemptEntity(
      Long outboxId,
      String txHash,
      byte[] raw,
      BigInteger maxFee,
      BigInteger priorityFee,
      BigInteger nextBaseFee,
      Instant now) {
    this.outboxId = outboxId;
    this.txHash = txHash;
    this.raw = raw.clone();
    this.maxFee = maxFee;
    this.priorityFee = priorityFee;
    this.nextBaseFee = nextBaseFee;
    this.createdAt = now;
  }
}
