package org.fedbridge.core.wire;

import static org.fedbridge.core.wire.WireFixtures.addresses;
import static org.fedbridge.core.wire.WireFixtures.operatorIds;
import static org.fedbridge.core.wire.WireFixtures.u256;
import static org.quicktheories.generators.SourceDSL.booleans;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.longs;
import static org.quicktheories.generators.SourceDSL.strings;

import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.fedbridge.core.dkg.IdentityKey;
import org.fedbridge.core.message.PauserUpdate;
import org.fedbridge.core.message.TokenConfig;
import org.fedbridge.core.threshold.ThresholdPolicy;
import org.fedbridge.core.types.Address;
import org.fedbridge.core.types.UInt256;
import org.fedbridge.core.wire.GovernanceAction.PauserUpdateAction;
import org.fedbridge.core.wire.GovernanceAction.Rotation;
import org.fedbridge.core.wire.GovernanceAction.RotationMember;
import org.fedbridge.core.wire.GovernanceAction.TokenConfigAction;
import org.fedbridge.core.wire.GovernanceAction.UnpauseAction;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.Generate;

/** The governance key, member identities, and generators of valid signed governance records. */
final class GovernanceFixtures {
  static final IdentityKey GOVERNANCE = IdentityKey.random(new SecureRandom());
  static final List<IdentityKey> IDENTITIES = new ArrayList<>();

  static {
    SecureRandom rnd = new SecureRandom();
    for (int i = 0; i < 25; i++) {
      IDENTITIES.add(IdentityKey.random(rnd));
    }
  }

  private GovernanceFixtures() {}

  static RotationMember member(int index, String operator) {
    return new RotationMember(index, operator, IDENTITIES.get(index - 1).publicKey());
  }

  /** Valid rotations of 2..25 members with any threshold the policy allows. */
  static Gen<GovernanceAction> rotations() {
    return integers()
        .between(2, 25)
        .flatMap(
            n ->
                integers()
                    .between(ThresholdPolicy.minimumThreshold(n), n)
                    .zip(
                        longs().between(1, Long.MAX_VALUE),
                        longs().between(0, 0xffff_ffffL),
                        operatorIds(),
                        (t, epoch, attempt, prefix) -> {
                          List<RotationMember> ms = new ArrayList<>();
                          Set<String> seen = new HashSet<>();
                          for (int i = 1; i <= n; i++) {
                            String op = (prefix + "-" + i);
                            op = op.length() > 64 ? op.substring(op.length() - 64) : op;
                            if (!seen.add(op)) {
                              op = "op-" + i;
                            }
                            ms.add(member(i, op));
                          }
                          return (GovernanceAction) new Rotation(epoch, attempt, t, ms);
                        }));
  }

  static Gen<GovernanceAction> tokenConfigs() {
    Gen<String> text = strings().betweenCodePoints(0x20, 0x7e).ofLengthBetween(0, 32);
    return u256()
        .zip(addresses(), booleans().all(), u256(), (n, a, r, l) -> new Object[] {n, a, r, l})
        .zip(u256(), u256(), u256(), (o, p, dt, d) -> new Object[] {o, p, dt, d})
        .zip(
            text,
            integers().between(0, 255),
            (o, s, dec) -> {
              Object[] a = (Object[]) o[0];
              return (GovernanceAction)
                  new TokenConfigAction(
                      new TokenConfig(
                          (UInt256) a[0],
                          (Address) a[1],
                          (Boolean) a[2],
                          (UInt256) a[3],
                          (UInt256) o[1],
                          (UInt256) o[2],
                          (UInt256) o[3]),
                      s,
                      s + " token",
                      dec);
            });
  }

  static Gen<GovernanceAction> others() {
    Gen<GovernanceAction> pauser =
        u256()
            .zip(
                addresses(),
                booleans().all(),
                (n, a, e) -> (GovernanceAction) new PauserUpdateAction(new PauserUpdate(n, a, e)));
    Gen<GovernanceAction> unpause =
        u256()
            .zip(
                longs().between(1, Long.MAX_VALUE),
                (n, c) -> (GovernanceAction) new UnpauseAction(n, UInt256.of(c)));
    return Generate.oneOf(pauser, unpause);
  }

  static Gen<GovernanceAction> actions() {
    return Generate.oneOf(rotations(), tokenConfigs(), others());
  }

  /** Signed records with any action, sequence and deployment. */
  static Gen<GovernanceRecord> records() {
    return actions()
        .zip(
            longs().between(1, Long.MAX_VALUE),
            longs().between(1, Long.MAX_VALUE),
            longs().between(0, Long.MAX_VALUE),
            (action, seq, chain, proposal) ->
                GovernanceRecord.unsigned(
                        new Governance(
                            chain,
                            Address.fromHex("0x" + "ab".repeat(20)),
                            1337,
                            seq,
                            proposal,
                            1_700_000_000_000L,
                            action),
                        GOVERNANCE.publicKey())
                    .signedBy(GOVERNANCE));
  }
}
