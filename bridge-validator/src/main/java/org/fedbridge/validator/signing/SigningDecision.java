package org.fedbridge.validator.signing;

/** What the {@link ProtectedSigner} answered. */
public sealed interface SigningDecision {

  /**
   * Signed, and recorded by the signing protection before this value was returned.
   *
   * @param fresh false when the same digest had been signed before (the stored partial is returned:
   *     re-publishing it is harmless)
   */
  record Signed(SignedPartial partial, boolean fresh) implements SigningDecision {}

  /** Not signed. */
  record Refused(Refusal reason, String detail) implements SigningDecision {}
}
