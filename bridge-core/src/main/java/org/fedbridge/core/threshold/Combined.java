package org.fedbridge.core.threshold;

import java.util.List;
import java.util.Set;
import org.fedbridge.core.bls.Signature;

/**
 * A group signature combined from partials and verified against the group key.
 *
 * @param signature the group signature (a certificate)
 * @param signers the share indexes that were combined, ascending
 * @param rejected indexes whose partial failed individual verification (only filled on the slow
 *     path); operators should look at them
 * @param partialChecks how many partials were verified one by one: 0 on the optimistic path
 */
public record Combined(
    Signature signature, List<Integer> signers, Set<Integer> rejected, int partialChecks) {
  public Combined {
    signers = List.copyOf(signers);
    rejected = Set.copyOf(rejected);
  }
}
