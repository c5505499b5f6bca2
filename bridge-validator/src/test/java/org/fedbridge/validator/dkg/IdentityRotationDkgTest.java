package org.fedbridge.validator.dkg;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.fedbridge.core.dkg.DkgMember;
import org.fedbridge.core.dkg.IdentityKey;
import org.fedbridge.core.keystore.ShareKeystore;
import org.fedbridge.core.types.Address;
import org.fedbridge.validator.keys.TestKeys;
import org.junit.jupiter.api.Test;

/**
 * An operator rotating its identity key: the next epoch's member set lists its new key, and its
 * validator, holding both, takes part in that DKG with the new one (docs/operations.md, "Rotate an
 * identity key").
 */
class IdentityRotationDkgTest {

  @Test
  void aMemberTakesPartInTheNextEpochsDkgWithTheNewIdentityItsSpecLists() throws Exception {
    List<DkgTestMember> ms = DkgOverKafkaTest.members("idrotation", 4);
    IdentityKey next = TestKeys.nextIdentity(ms.get(1).keysDir, ms.get(1).operatorId);
    List<DkgMember> dm = new ArrayList<>();
    for (int i = 0; i < ms.size(); i++) {
      var key = i == 1 ? next.publicKey() : ms.get(i).identity.publicKey();
      dm.add(new DkgMember(i + 1, ms.get(i).operatorId, key));
    }
    FederationSpec spec =
        FederationSpec.parse(FederationSpec.write(31337, Address.ZERO, 1337, 1, 0, 3, dm))
            .orThrow();
    String topic = DkgOverKafkaTest.freshTopic();
    List<DkgOutcome> outcomes =
        DkgOverKafkaTest.runAll(
            ms.stream()
                .map(
                    m ->
                        m.start(
                            topic,
                            DkgTestMember.settings(Duration.ofSeconds(30), Duration.ofMinutes(3))))
                .toList(),
            spec);
    assertThat(outcomes).allSatisfy(o -> assertThat(o).isInstanceOf(DkgOutcome.Confirmed.class));
    DkgOverKafkaTest.oneGroupKey(outcomes);
    DkgOutcome.Confirmed rotated = (DkgOutcome.Confirmed) outcomes.get(1);
    assertThat(rotated.federation().myIndex()).hasValue(2);
    assertThat(rotated.federation().identities().get(2)).isEqualTo(next.publicKey());
    try (ShareKeystore share = ms.get(1).keys().share(1).orElseThrow().orThrow()) {
      assertThat(share.owner()).isEqualTo(next.publicKey());
    }
  }

  @Test
  void aMemberHoldingNoKeyTheSpecListsDoesNotTakePart() throws Exception {
    List<DkgTestMember> ms = DkgOverKafkaTest.members("idunlisted", 4);
    IdentityKey stranger = IdentityKey.random(new java.security.SecureRandom());
    List<DkgMember> dm = new ArrayList<>();
    for (int i = 0; i < ms.size(); i++) {
      var key = i == 3 ? stranger.publicKey() : ms.get(i).identity.publicKey();
      dm.add(new DkgMember(i + 1, ms.get(i).operatorId, key));
    }
    FederationSpec spec =
        FederationSpec.parse(FederationSpec.write(31337, Address.ZERO, 1337, 1, 0, 3, dm))
            .orThrow();
    DkgOutcome out =
        ms.get(3)
            .start(
                DkgOverKafkaTest.freshTopic(),
                DkgTestMember.settings(Duration.ofSeconds(5), Duration.ofSeconds(20)))
            .run(spec);
    assertThat(out).isInstanceOf(DkgOutcome.Failed.class);
    assertThat(((DkgOutcome.Failed) out).reason()).contains("none of this member's identity keys");
    assertThat(ms.get(3).keys().share(1)).isEmpty();
  }
}
