package org.fedbridge.relayer.submit;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A row of {@code gas_accounts}: the next nonce the relayer gives to a transaction it signs. */
@Entity
@Table(name = "gas_accounts")
class GasAccountEntity {
  @Id String address;

  @Column(name = "next_nonce", nullable = false)
  long nextNonce;

  protected GasAccountEntity() {}

  GasAccountEntity(String address, long nextNonce) {
    this.address = address;
    this.nextNonce = nextNonce;
  }
}
