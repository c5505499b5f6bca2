package org.fedbridge.core.threshold;

import java.util.List;

/**
 * The partials of one digest sorted into valid and invalid by {@link
 * ThresholdVerifier#verifyPartials}, each list in input order.
 *
 * @param valid partials that verify under their member's share key
 * @param invalid partials that do not, or whose index is not a member
 * @param pairingChecks pairing products spent (each costs about one signature verification): 1 when
 *     all are valid, 2 for one bad partial, more (bisection) for several
 */
public record PartialVerdicts(
    List<PartialSignature> valid, List<PartialSignature> invalid, int pairingChecks) {
  public PartialVerdicts {
    valid = List.copyOf(valid);
    invalid = List.copyOf(invalid);
  }
}
