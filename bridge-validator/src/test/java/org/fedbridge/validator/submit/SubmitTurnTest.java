package org.fedbridge.validator.submit;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;
import org.fedbridge.core.message.Domain;
import org.fedbridge.core.types.Address;
import org.fedbridge.core.types.UInt256;
import org.fedbridge.validator.federation.EpochView;
import org.fedbridge.validator.testing.TestFederation;
import org.junit.jupiter.api.Test;

class SubmitTurnTest {
  static final TestFederation FEDERATION = TestFederation.create(21, 3, 4);
  static final Domain DOMAIN =
      new Domain(UInt256.of(31337), Address.ZERO, UInt256.of(1337), UInt256.ZERO);

  @Test
  void exactlyOneMemberSubmitsEachBatchAtOnceInTurn() {
    List<EpochView> members = new ArrayList<>();
    for (int i = 1; i <= 4; i++) {
      members.add(FEDERATION.epoch(DOMAIN, i));
    }
    List<Integer> turns = new ArrayList<>();
    for (long batch = 100; batch < 108; batch++) {
      List<Integer> atOnce = new ArrayList<>();
      for (EpochView v : members) {
        if (SubmitTurn.mine(v, UInt256.of(batch))) {
          atOnce.add(v.myIndex().getAsInt());
        }
      }
      assertThat(atOnce).as("batch %d", batch).hasSize(1);
      turns.add(atOnce.get(0));
    }
    // every member takes its turn, in index order
    assertThat(turns).containsExactly(1, 2, 3, 4, 1, 2, 3, 4);
  }

  @Test
  void aValidatorOutsideTheEpochNeverSubmitsAtOnce() {
    EpochView member = FEDERATION.epoch(DOMAIN, 1);
    EpochView outsider =
        new EpochView(
            member.epoch(),
            member.domain(),
            member.verifier(),
            member.identities(),
            OptionalInt.empty());
    for (long batch = 0; batch < 8; batch++) {
      assertThat(SubmitTurn.mine(outsider, UInt256.of(batch))).isFalse();
    }
  }
}
