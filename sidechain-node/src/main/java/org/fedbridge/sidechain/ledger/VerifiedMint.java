package org.fedbridge.sidechain.ledger;

/**
 * A deposit certificate that verified against the current federation and would mint at least one
 * deposit without overflow. Only {@link Certificates} makes one, so nothing unverified can reach
 * {@code mint}.
 */
public final class VerifiedMint {
  private final DepositCertificate certificate;

  VerifiedMint(DepositCertificate certificate) {
    this.certificate = certificate;
  }

  public DepositCertificate certificate() {
    return certificate;
  }
}
