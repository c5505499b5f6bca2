package org.fedbridge.sidechain.ledger;

/**
 * An epoch certificate signed by the current federation for the next epoch. Only {@link
 * Certificates} makes one, so nothing unverified can replace the group key.
 */
public final class VerifiedEpochChange {
  private final EpochCertificate certificate;

  VerifiedEpochChange(EpochCertificate certificate) {
    this.certificate = certificate;
  }

  public EpochCertificate certificate() {
    return certificate;
  }
}
