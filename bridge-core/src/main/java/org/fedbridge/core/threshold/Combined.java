package org.fedbridge.core.threshold;

import java.util.List;
import java.util.Set;
import org.fedbridge.core.bls.Signature;

/**
 * A group signature combined from partials and verified against the group key.
 *
 * @param signature the group signature (a certificate)
 * @param signers the share indexes that were combined, ascending
 * @param rejected indexes none of whose examined partials verified (only filled on the slow path);
 *     operators should look at them
 * @param partialChecks pairing products the slow path spent to sort partials into valid and invalid
 *     (batch checks, locator and bisection steps; each costs about one signature verification): 0
 *     on the optimistic path, 2 for one bad partial among those combined plus 1 per round of
 *     replacements; the two combinations' own verifications are not counted
 */
public record Combined(
    Signature signature, List<Integer> signers, Set<Integer> rejected, int partialChecks) {
  public Combined {
    signers = List.copyOf(signers);
    rejected = Set.copyOf(rejected);
  }
}
