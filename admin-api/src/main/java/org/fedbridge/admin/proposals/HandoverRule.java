package org.fedbridge.admin.proposals;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.fedbridge.admin.federation.EpochView;
import org.fedbridge.core.wire.GovernanceAction.RotationMember;

/**
 * A member change the current federation could hand over: bridge-validator's {@code Handovers} has
 * only the current members that stay in the next epoch sign its EpochChange.
 */
final class HandoverRule {
  private HandoverRule() {}

  /**
   * Why the current epoch could not sign the hand-over to {@code next}, if it could not. Only the
   * current members that stay in the next epoch sign the EpochChange (the others took no part in
   * its DKG: docs/architecture.md, "Epoch rotation"), so they must reach the current threshold.
   */
  static Optional<String> shortfall(EpochView now, List<RotationMember> next) {
    List<String> staying = new ArrayList<>();
    for (RotationMember m : now.members()) {
      for (RotationMember n : next) {
        if (n.operatorId().equals(m.operatorId())) {
          staying.add(m.operatorId());
        }
      }
    }
    if (staying.size() >= now.threshold()) {
      return Optional.empty();
    }
    return Optional.of(
        "the hand-over is signed by the members of epoch "
            + now.epoch()
            + " that stay, and needs t = "
            + now.threshold()
            + " of them; only "
            + staying.size()
            + " stay ("
            + String.join(", ", staying)
            + "): add a member first, then remove one");
  }
}
