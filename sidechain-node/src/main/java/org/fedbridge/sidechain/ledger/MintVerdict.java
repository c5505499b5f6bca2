package org.fedbridge.sidechain.ledger;

/**
 * What a deposit certificate is worth against a state: it mints (and only a {@link VerifiedMint}
 * can be minted), it was minted already (a no-op, never a second mint), or it is refused.
 */
public sealed interface MintVerdict {
  record Mintable(VerifiedMint mint) implements MintVerdict {}

  record AlreadyMinted() implements MintVerdict {}

  record Refused(CertificateRejected rejection) implements MintVerdict {}
}
