package org.fedbridge.sidechain.ledger;

/** What an epoch certificate is worth against a state: it applies, or it is refused. */
public sealed interface EpochChangeVerdict {
  record Applicable(VerifiedEpochChange change) implements EpochChangeVerdict {}

  record Refused(CertificateRejected rejection) implements EpochChangeVerdict {}
}
