package org.fedbridge.validator.submit;

import java.math.BigInteger;
import java.util.List;
import org.fedbridge.core.threshold.Member;
import org.fedbridge.core.types.UInt256;
import org.fedbridge.validator.federation.EpochView;

/**
 * Whose turn it is to submit a deposit certificate at once: one member per batch, in turn by batch
 * id over the epoch's members in index order. Every validator combines every certificate, and four
 * identical submissions cost the sidechain four parsings and signature checks of a batch of
 * hundreds of deposits, on the path of every mint; the others submit after {@code others-delay}, as
 * a fallback should the member whose turn it is be down (the sidechain answers them "duplicate").
 */
final class SubmitTurn {
  private SubmitTurn() {}

  /** Whether this validator (its index in {@code view}) submits {@code batchId} at once. */
  static boolean mine(EpochView view, UInt256 batchId) {
    if (view.myIndex().isEmpty()) {
      return false;
    }
    List<Integer> indexes =
        view.verifier().members().members().stream().map(Member::index).sorted().toList();
    int turn = batchId.value().mod(BigInteger.valueOf(indexes.size())).intValueExact();
    return indexes.get(turn) == view.myIndex().getAsInt();
  }
}
