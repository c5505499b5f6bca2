package org.fedbridge.relayer.submit;

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

/** A row of {@code outbox}: one L1 transaction the relayer intends, under one nonce. */
@Entity
@Table(name = "outbox")
class OutboxEntity {
  enum Kind {
    POST_ROOT,
    CLAIM
  }

  enum Status {
    /** Signed (maybe sent): waiting to be mined. */
    PENDING,
    MINED,
    REVERTED,
    /** Another transaction, not made by this relayer, took the nonce. */
    NONCE_TAKEN
  }

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  Long id;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false)
  Kind kind;

  @Column(name = "batch_id")
  Long batchId;

  @Column(name = "from_address", nullable = false)
  String fromAddress;

  @Column(nullable = false)
  long nonce;

  @Column(name = "to_address", nullable = false)
  String toAddress;

  @Column(nullable = false)
  byte[] calldata;

  @Column(name = "gas_limit", nullable = false)
  long gasLimit;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false)
  Status status;

  @Column(name = "mined_tx_hash")
  String minedTxHash;

  @Column(name = "mined_block")
  Long minedBlock;

  @Column(name = "gas_used")
  Long gasUsed;

  @Column(name = "effective_gas_price", precision = 78)
  BigInteger effectiveGasPrice;

  String error;

  @Column(name = "created_at", nullable = false)
  Instant createdAt;

  @Column(name = "updated_at", nullable = false)
  Instant updatedAt;

  protected OutboxEntity() {}

  OutboxEntity(
      Kind kind,
      Long batchId,
      String from,
      long nonce,
      String to,
      byte[] calldata,
      long gasLimit,
      Instant now) {
    this.kind = kind;
    this.batchId = batchId;
    this.fromAddress = from;
    this.nonce = nonce;
    this.toAddress = to;
    this.calldata = calldata.clone();
    this.gasLimit = gasLimit;
    this.status = Status.PENDING;
    this.createdAt = now;
    this.updatedAt = now;
  }
}
