package org.fedbridge.validator.governance;

import static org.assertj.core.api.Assertions.assertThat;

import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import org.fedbridge.core.dkg.IdentityKey;
import org.fedbridge.core.message.PauserUpdate;
import org.fedbridge.core.message.Unpause;
import org.fedbridge.core.types.Address;
import org.fedbridge.core.types.UInt256;
import org.fedbridge.core.wire.Governance;
import org.fedbridge.core.wire.GovernanceAction;
import org.fedbridge.core.wire.GovernanceAction.PauserUpdateAction;
import org.fedbridge.core.wire.GovernanceAction.Rotation;
import org.fedbridge.core.wire.GovernanceAction.RotationMember;
import org.fedbridge.core.wire.GovernanceAction.UnpauseAction;
import org.fedbridge.core.wire.GovernanceRecord;
import org.junit.jupiter.api.Test;

/**
 * A member in the middle of an identity rotation holds two identity keys; a published rotation that
 * names its next key is still this member's DKG to run (and one naming neither is not).
 */
class GovernanceRulesTest {
  private static final SecureRandom RND = new SecureRandom();
  private static final Address VAULT =
      Address.fromHex("0x00000000000000000000000000000000000000ab");

  @Test
  void aRotationNamingThisMembersNextIdentityKeyIsItsDkgToRun() {
    IdentityKey governance = IdentityKey.random(RND);
    IdentityKey current = IdentityKey.random(RND);
    IdentityKey next = IdentityKey.random(RND);
    List<RotationMember> members = new ArrayList<>();
    members.add(new RotationMember(1, "op-1", next.publicKey()));
    for (int i = 2; i <= 4; i++) {
      members.add(new RotationMember(i, "op-" + i, IdentityKey.random(RND).publicKey()));
    }
    byte[] record =
        GovernanceRecord.unsigned(
                new Governance(31337, VAULT, 1337, 1, 7, 0, new Rotation(1, 0, 3, members)),
                governance.publicKey())
            .signedBy(governance)
            .encode();

    GovernanceRules.Decision rotating =
        new GovernanceRules(
                governance.publicKey(),
                31337,
                VAULT,
                1337,
                List.of(current.publicKey(), next.publicKey()))
            .decide(record, 0);
    assertThat(rotating).isInstanceOf(GovernanceRules.Decision.RunDkg.class);
    var spec = ((GovernanceRules.Decision.RunDkg) rotating).spec();
    assertThat(spec.member(next.publicKey())).isPresent();
    assertThat(spec.epoch()).isEqualTo(1);

    GovernanceRules.Decision other =
        new GovernanceRules(
                governance.publicKey(), 31337, VAULT, 1337, List.of(current.publicKey()))
            .decide(record, 0);
    assertThat(other).isInstanceOf(GovernanceRules.Decision.Noted.class);
  }

  private static byte[] record(IdentityKey key, long sequence, GovernanceAction action) {
    return GovernanceRecord.unsigned(
            new Governance(31337, VAULT, 1337, sequence, 9, 0, action), key.publicKey())
        .signedBy(key)
        .encode();
  }

  @Test
  void pauserUpdatesAndUnpausesAreForTheFederationToCertifyNotJustNoted() {
    IdentityKey governance = IdentityKey.random(RND);
    GovernanceRules rules =
        new GovernanceRules(
            governance.publicKey(),
            31337,
            VAULT,
            1337,
            List.of(IdentityKey.random(RND).publicKey()));
    PauserUpdate add =
        new PauserUpdate(
            UInt256.of(3), Address.fromHex("0x00000000000000000000000000000000000000c1"), true);
    assertThat(rules.decide(record(governance, 1, new PauserUpdateAction(add)), 0))
        .isEqualTo(
            new GovernanceRules.Decision.CertifyPauserUpdate(
                GovernanceRecord.decode(record(governance, 1, new PauserUpdateAction(add)))
                    .orThrow()
                    .governance(),
                add));
    GovernanceRules.Decision unpause =
        rules.decide(record(governance, 2, new UnpauseAction(UInt256.of(4), UInt256.of(2))), 1);
    assertThat(unpause).isInstanceOf(GovernanceRules.Decision.CertifyUnpause.class);
    assertThat(((GovernanceRules.Decision.CertifyUnpause) unpause).unpause())
        .isEqualTo(new Unpause(UInt256.of(4), UInt256.of(2)));
    // A pauser update for the zero address (the vault would refuse it), one under another key,
    // and a replayed sequence are never certified.
    assertThat(
            rules.decide(
                record(
                    governance,
                    3,
                    new PauserUpdateAction(new PauserUpdate(UInt256.of(5), Address.ZERO, true))),
                2))
        .isInstanceOf(GovernanceRules.Decision.Refused.class);
    assertThat(rules.decide(record(IdentityKey.random(RND), 3, new PauserUpdateAction(add)), 2))
        .isInstanceOf(GovernanceRules.Decision.Refused.class);
    assertThat(rules.decide(record(governance, 2, new PauserUpdateAction(add)), 2))
        .isInstanceOf(GovernanceRules.Decision.Stale.class);
  }
}
