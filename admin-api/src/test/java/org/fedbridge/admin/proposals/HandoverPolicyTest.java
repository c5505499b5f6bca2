package org.fedbridge.admin.proposals;

import static org.assertj.core.api.Assertions.assertThat;

import java.security.SecureRandom;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.fedbridge.admin.federation.EpochView;
import org.fedbridge.core.dkg.IdentityKey;
import org.fedbridge.core.wire.GovernanceAction.RotationMember;
import org.junit.jupiter.api.Test;

/**
 * The hand-over to the next epoch is signed only by current members that stay (bridge-validator's
 * {@code Handovers}: the others took no part in the new DKG), so a member change that leaves fewer
 * than the current threshold of them would never be certified: the console refuses it up front.
 */
class HandoverPolicyTest {
  private static final SecureRandom RND = new SecureRandom();

  private static List<RotationMember> members(int n) {
    List<RotationMember> ms = new ArrayList<>();
    for (int i = 1; i <= n; i++) {
      ms.add(new RotationMember(i, "op-" + i, IdentityKey.random(RND).publicKey()));
    }
    return ms;
  }

  private static EpochView epoch(List<RotationMember> members, int t) {
    return new EpochView(
        0, t, members, 0, "genesis", 0, null, "ACTIVE", Instant.EPOCH, Instant.EPOCH);
  }

  @Test
  void aThresholdOfCurrentMembersMustStayWithTheirKeys() {
    List<RotationMember> three = members(3);
    EpochView threeOfThree = epoch(three, 3);
    // Removing one of a 3-of-3 leaves two signers of the hand-over: refused, with the way out.
    assertThat(HandoverRule.shortfall(threeOfThree, three.subList(0, 2)))
        .hasValueSatisfying(
            why ->
                assertThat(why)
                    .contains("needs t = 3")
                    .contains("only 2 stay (op-1, op-2)")
                    .contains("add a member first"));
    // A new identity key for op-3 keeps op-3 (it signs epoch 0's records with epoch 0's key).
    List<RotationMember> rekeyed = new ArrayList<>(three);
    rekeyed.set(2, new RotationMember(3, "op-3", IdentityKey.random(RND).publicKey()));
    assertThat(HandoverRule.shortfall(threeOfThree, rekeyed)).isEmpty();
    // Replacing op-3 by another operator leaves two.
    List<RotationMember> replaced = new ArrayList<>(three);
    replaced.set(2, new RotationMember(3, "op-9", IdentityKey.random(RND).publicKey()));
    assertThat(HandoverRule.shortfall(threeOfThree, replaced)).isPresent();
    // Adding a member keeps all three: fine; then, at 3-of-4, one can leave.
    List<RotationMember> four = new ArrayList<>(three);
    four.add(new RotationMember(4, "op-4", IdentityKey.random(RND).publicKey()));
    assertThat(HandoverRule.shortfall(threeOfThree, four)).isEmpty();
    assertThat(HandoverRule.shortfall(epoch(four, 3), four.subList(1, 4))).isEmpty();
  }
}
