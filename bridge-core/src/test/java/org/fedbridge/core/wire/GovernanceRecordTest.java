package org.fedbridge.core.wire;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.fedbridge.core.wire.GovernanceFixtures.GOVERNANCE;
import static org.fedbridge.core.wire.GovernanceFixtures.member;
import static org.fedbridge.core.wire.GovernanceFixtures.records;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;

import java.nio.ByteBuffer;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.fedbridge.core.dkg.IdentityKey;
import org.fedbridge.core.types.Address;
import org.fedbridge.core.types.Rejection;
import org.fedbridge.core.types.Result;
import org.fedbridge.core.wire.GovernanceAction.Rotation;
import org.fedbridge.core.wire.GovernanceAction.RotationMember;
import org.junit.jupiter.api.Test;

/**
 * Governance records round-trip; every corruption is refused as a value or fails authentication;
 * only the configured governance key is accepted; and a rotation that breaks the federation policy
 * cannot even be represented, let alone decoded (threats.md rows 1, 4, 8, 12).
 */
class GovernanceRecordTest {
  static final Set<Rejection> DECODE =
      EnumSet.of(
          Rejection.BAD_LENGTH,
          Rejection.UNSUPPORTED,
          Rejection.MALFORMED,
          Rejection.NOT_ON_CURVE,
          Rejection.THRESHOLD_POLICY,
          Rejection.DUPLICATE_MEMBER);

  @Test
  void recordsRoundTripAndAuthenticate() {
    qt().withExamples(150)
        .forAll(records())
        .checkAssert(
            r -> {
              byte[] b = r.encode();
              GovernanceRecord back = GovernanceRecord.decode(b).orThrow();
              assertThat(back).isEqualTo(r);
              assertThat(back.governance()).isEqualTo(r.governance());
              assertThat(back.encode()).isEqualTo(b);
              assertThat(back.authenticate(GOVERNANCE.publicKey()).isOk()).isTrue();
              assertThat(ByteBuffer.wrap(back.kafkaKey()).getLong())
                  .isEqualTo(r.governance().sequence());
            });
  }

  @Test
  void everyFlippedByteIsRefusedOrFailsAuthentication() {
    qt().withExamples(60)
        .forAll(records(), integers().between(0, Integer.MAX_VALUE), integers().between(1, 255))
        .checkAssert(
            (r, at, delta) -> {
              byte[] b = r.encode();
              int i = at % b.length;
              b[i] = (byte) (b[i] ^ delta);
              Result<GovernanceRecord> d = GovernanceRecord.decode(b);
              if (d.isOk()) {
                assertThat(d.orThrow().authenticate(GOVERNANCE.publicKey()).isOk()).isFalse();
              } else {
                assertThat(d.rejection()).isIn(DECODE);
              }
            });
  }

  @Test
  void truncatedOrExtendedRecordsAreRefused() {
    qt().withExamples(60)
        .forAll(records(), integers().between(0, Integer.MAX_VALUE))
        .checkAssert(
            (r, cut) -> {
              byte[] b = r.encode();
              assertThat(GovernanceRecord.decode(Arrays.copyOf(b, cut % b.length)).rejection())
                  .isIn(DECODE);
              assertThat(
                      GovernanceRecord.decode(Arrays.copyOf(b, b.length + 1 + cut % 7)).rejection())
                  .isEqualTo(Rejection.BAD_LENGTH);
            });
  }

  @Test
  void garbageNeverThrows() {
    qt().withExamples(300)
        .forAll(WireFixtures.bytes(0, 400))
        .checkAssert(b -> assertThat(GovernanceRecord.decode(b).rejection()).isIn(DECODE));
    assertThat(GovernanceRecord.decode(null).rejection()).isEqualTo(Rejection.BAD_LENGTH);
  }

  private static Governance governance(GovernanceAction action) {
    return new Governance(31337, Address.fromHex("0x" + "ab".repeat(20)), 1337, 7, 3, 0, action);
  }

  private static List<RotationMember> members(String... operators) {
    List<RotationMember> ms = new ArrayList<>();
    for (int i = 0; i < operators.length; i++) {
      ms.add(member(i + 1, operators[i]));
    }
    return ms;
  }

  @Test
  void exploitRecordSignedByAnyOtherKeyIsRefused() {
    IdentityKey impostor = IdentityKey.random(new SecureRandom());
    Rotation rotation = new Rotation(1, 0, 3, members("a", "b", "c", "d"));
    // Signed by another key that names itself: not the configured governance key.
    GovernanceRecord forged =
        GovernanceRecord.unsigned(governance(rotation), impostor.publicKey()).signedBy(impostor);
    GovernanceRecord decoded = GovernanceRecord.decode(forged.encode()).orThrow();
    assertThat(decoded.authenticate(GOVERNANCE.publicKey()).isOk()).isFalse();
    // Naming the governance key but signed by another: the signature does not verify.
    GovernanceRecord named =
        GovernanceRecord.unsigned(governance(rotation), GOVERNANCE.publicKey())
            .withSignature(
                impostor.sign(
                    GovernanceRecord.unsigned(governance(rotation), GOVERNANCE.publicKey())
                        .signingHash()));
    assertThat(
            GovernanceRecord.decode(named.encode()).orThrow().authenticate(GOVERNANCE.publicKey()))
        .isEqualTo(Result.err(Rejection.BAD_MESSAGE, "governance signature does not verify"));
    assertThatThrownBy(
            () ->
                GovernanceRecord.unsigned(governance(rotation), GOVERNANCE.publicKey())
                    .signedBy(impostor))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void exploitHarmonyTwoOfFiveRotationCannotBeMadeOrDecoded() {
    // threats.md row 4: 2-of-5 is below ⌊2n/3⌋+1 = 4.
    Result<Rotation> r = GovernanceAction.rotation(1, 0, 2, members("a", "b", "c", "d", "e"));
    assertThat(r.rejection()).isEqualTo(Rejection.THRESHOLD_POLICY);
    byte[] bytes = withThreshold(new Rotation(1, 0, 4, members("a", "b", "c", "d", "e")), 2);
    assertThat(GovernanceRecord.decode(bytes).rejection()).isEqualTo(Rejection.THRESHOLD_POLICY);
    byte[] above = withThreshold(new Rotation(1, 0, 4, members("a", "b", "c", "d", "e")), 6);
    assertThat(GovernanceRecord.decode(above).rejection()).isEqualTo(Rejection.THRESHOLD_POLICY);
  }

  @Test
  void exploitTwoSharesForOneOperatorCannotBeMadeOrDecoded() {
    // threats.md row 8: one operator, two shares (also when only the case differs on the wire).
    Result<Rotation> r = GovernanceAction.rotation(1, 0, 3, members("acme", "b", "acme", "d"));
    assertThat(r.rejection()).isEqualTo(Rejection.DUPLICATE_MEMBER);
    Rotation honest = new Rotation(1, 0, 3, members("acme", "b", "cmea", "d"));
    byte[] b =
        GovernanceRecord.unsigned(governance(honest), GOVERNANCE.publicKey())
            .signedBy(GOVERNANCE)
            .encode();
    String hex = org.fedbridge.core.types.Hex.encode(b);
    byte[] renamed =
        org.fedbridge.core.types.Hex.decode(
            hex.replace(
                org.fedbridge.core.types.Hex.encode("cmea".getBytes()).substring(2),
                org.fedbridge.core.types.Hex.encode("acme".getBytes()).substring(2)));
    assertThat(GovernanceRecord.decode(renamed).rejection()).isEqualTo(Rejection.DUPLICATE_MEMBER);
    // The same identity key under two operators is refused too.
    List<RotationMember> sameKey = members("a", "b", "c", "d");
    sameKey.set(3, new RotationMember(4, "d", sameKey.get(0).identityKey()));
    assertThat(GovernanceAction.rotation(1, 0, 3, sameKey).rejection())
        .isEqualTo(Rejection.DUPLICATE_MEMBER);
  }

  @Test
  void exploitOneOperatorHoldingThresholdSharesCannotBeMade() {
    // threats.md row 1: a single member would hold t = 1 shares alone.
    assertThat(GovernanceAction.rotation(1, 0, 1, members("solo")).rejection())
        .isEqualTo(Rejection.THRESHOLD_POLICY);
  }

  @Test
  void exploitOversizedMemberCountIsRefusedBeforeAllocation() {
    byte[] b =
        GovernanceRecord.unsigned(
                governance(new Rotation(1, 0, 3, members("a", "b", "c", "d"))),
                GOVERNANCE.publicKey())
            .signedBy(GOVERNANCE)
            .encode();
    int countAt = 2 + 8 + 20 + 8 + 8 + 8 + 8 + 1 + 8 + 4 + 2;
    b[countAt] = (byte) 0xff;
    b[countAt + 1] = (byte) 0xff;
    assertThat(GovernanceRecord.decode(b).rejection()).isEqualTo(Rejection.MALFORMED);
    b[countAt] = 0x03;
    b[countAt + 1] = (byte) 0xe8; // 1000 members announced, 4 present
    assertThat(GovernanceRecord.decode(b).rejection()).isEqualTo(Rejection.BAD_LENGTH);
  }

  @Test
  void exploitUnknownVersionKindOrActionIsRefused() {
    byte[] b =
        GovernanceRecord.unsigned(
                governance(
                    new GovernanceAction.UnpauseAction(
                        org.fedbridge.core.types.UInt256.of(4),
                        org.fedbridge.core.types.UInt256.ONE)),
                GOVERNANCE.publicKey())
            .signedBy(GOVERNANCE)
            .encode();
    byte[] version = b.clone();
    version[0] = 2;
    assertThat(GovernanceRecord.decode(version).rejection()).isEqualTo(Rejection.UNSUPPORTED);
    byte[] kind = b.clone();
    kind[1] = 3;
    assertThat(GovernanceRecord.decode(kind).rejection()).isEqualTo(Rejection.UNSUPPORTED);
    byte[] action = b.clone();
    action[2 + 8 + 20 + 8 + 8 + 8 + 8] = 9;
    assertThat(GovernanceRecord.decode(action).rejection()).isEqualTo(Rejection.MALFORMED);
  }

  private static byte[] withThreshold(Rotation valid, int threshold) {
    byte[] b =
        GovernanceRecord.unsigned(governance(valid), GOVERNANCE.publicKey())
            .signedBy(GOVERNANCE)
            .encode();
    int at = 2 + 8 + 20 + 8 + 8 + 8 + 8 + 1 + 8 + 4;
    b[at] = (byte) (threshold >>> 8);
    b[at + 1] = (byte) threshold;
    return b;
  }
}
