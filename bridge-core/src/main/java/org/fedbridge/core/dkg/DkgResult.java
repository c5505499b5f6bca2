package org.fedbridge.core.dkg;

import org.fedbridge.core.threshold.SecretShare;

/** One member's outcome: the public output, its own secret share, and the transcript. */
public record DkgResult(DkgPublicOutput output, SecretShare share, DkgTranscript transcript) {
  @Override
  public String toString() {
    return "DkgResult(" + output + ", share " + share.index() + " <redacted>)";
  }
}
