package org.fedbridge.relayer.submit;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.math.BigInteger;

/** A row of {@code outbox_claims}: a withdrawal that a CLAIM intent pays. */
@Entity
@Table(name = "outbox_claims")
class OutboxClaimEntity {
  @Embeddable
  record Key(
      @Column(name = "outbox_id", nullable = false) long outboxId,
      @Column(name = "withdrawal_nonce", nullable = false, precision = 78) BigInteger nonce)
      implements Serializable {}

  @EmbeddedId Key key;

  protected OutboxClaimEntity() {}

  OutboxClaimEntity(long outboxId, BigInteger nonce) {
    this.key = new Key(outboxId, nonce);
  }
}
