package org.fedbridge.sidechain.ledger;

/**
 * What a {@code TokenConfig} certificate is worth against a state: it applies (and only a {@link
 * VerifiedTokenConfig} can be applied), it is the config already applied (a no-op), or it is
 * refused.
 */
public sealed interface TokenConfigVerdict {
  record Applicable(VerifiedTokenConfig config) implements TokenConfigVerdict {}

  record AlreadyApplied() implements TokenConfigVerdict {}

  record Refused(CertificateRejected rejection) implements TokenConfigVerdict {}
}
