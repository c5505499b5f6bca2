package org.fedbridge.core.dkg;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;

import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import org.fedbridge.core.types.Keccak;
import org.fedbridge.core.types.Rejection;
import org.fedbridge.core.types.Result;
import org.junit.jupiter.api.Test;

/**
 * Every DKG record round-trips; any flipped byte, truncation or extension is refused with a
 * rejection value (the codec authenticates the raw bytes, so a mutation never decodes); random
 * bytes never throw.
 */
class DkgCodecPropertiesTest {
  static final SecureRandom RND = new SecureRandom();
  static final LocalDkg NET = LocalDkg.create(4, 3, RND);
  static final List<DkgMessage> SAMPLES = samples();
  static final EnumSet<Rejection> DECODE =
      EnumSet.of(
          Rejection.MALFORMED,
          Rejection.BAD_LENGTH,
          Rejection.BAD_MESSAGE,
          Rejection.UNKNOWN_MEMBER,
          Rejection.BAD_SIGNATURE);

  /** Records of every kind from a small run where dealer 2 lies to member 3. */
  static List<DkgMessage> samples() {
    Map<Integer, Result<DkgResult>> res =
        NET.run(
            (sender, msgs) ->
                sender != 2
                    ? msgs
                    : msgs.stream()
                        .map(
                            m ->
                                m instanceof DkgMessage.Deal d ? DkgTest.badShareFor(NET, d, 3) : m)
                        .toList());
    DkgTranscript t = res.get(1).orThrow().transcript();
    List<DkgMessage> all = new ArrayList<>(t.deals());
    all.addAll(t.complaints());
    all.addAll(t.justifications());
    IdentityKey member4 = NET.identities.get(3);
    all.add(
        new DkgMessage.RoundEnd(NET.config.sessionId(), 4, 2, true, new byte[0]).signed(member4));
    all.add(
        new DkgMessage.Confirmation(
                NET.config.sessionId(), 4, Keccak.hash("outcome".getBytes()), new byte[0])
            .signed(member4));
    return all;
  }

  static DkgMessage pick(int i) {
    return SAMPLES.get(i % SAMPLES.size());
  }

  @Test
  void everyRecordRoundTrips() {
    qt().withExamples(20)
        .forAll(integers().between(0, 1000))
        .checkAssert(
            i -> {
              DkgMessage m = pick(i);
              DkgMessage back = DkgCodec.decode(NET.config, DkgCodec.encode(m)).orThrow();
              assertThat(back.getClass()).isEqualTo(m.getClass());
              assertThat(back.sender()).isEqualTo(m.sender());
              assertThat(back.signingHash()).isEqualTo(m.signingHash());
              assertThat(back.signature()).isEqualTo(m.signature());
              assertThat(DkgCodec.encode(back)).isEqualTo(DkgCodec.encode(m));
            });
  }

  @Test
  void everyFlippedByteIsRefused() {
    qt().withExamples(100)
        .forAll(
            integers().between(0, 1000), integers().between(0, 100_000), integers().between(1, 255))
        .checkAssert(
            (i, pos, xor) -> {
              byte[] b = DkgCodec.encode(pick(i));
              b[pos % b.length] ^= (byte) (int) xor;
              Result<DkgMessage> r = DkgCodec.decode(NET.config, b);
              assertThat(r.isOk()).as("a mutated record must never decode").isFalse();
              assertThat(r.rejection()).isIn(DECODE);
            });
  }

  @Test
  void truncatedOrExtendedIsRefused() {
    qt().withExamples(20)
        .forAll(integers().between(0, 1000), integers().between(1, 40))
        .checkAssert(
            (i, d) -> {
              byte[] b = DkgCodec.encode(pick(i));
              assertThat(DkgCodec.decode(NET.config, Arrays.copyOf(b, b.length - d)).rejection())
                  .isEqualTo(Rejection.MALFORMED);
              assertThat(DkgCodec.decode(NET.config, Arrays.copyOf(b, b.length + d)).rejection())
                  .isIn(EnumSet.of(Rejection.MALFORMED, Rejection.BAD_LENGTH));
            });
  }

  @Test
  void randomBytesAreRefusedWithoutThrowing() {
    qt().withExamples(200)
        .forAll(integers().between(0, 20_000), integers().between(0, 5))
        .checkAssert(
            (length, kind) -> {
              byte[] b = new byte[length];
              RND.nextBytes(b);
              if (length > 0) {
                b[0] = (byte) (int) kind; // often a known kind, to get past the first check
              }
              if (length >= 33 && RND.nextBoolean()) {
                NET.config.sessionId().copyTo(b, 1); // and often this session
              }
              Result<DkgMessage> r = DkgCodec.decode(NET.config, b);
              assertThat(r.isOk()).isFalse();
              assertThat(r.rejection()).isIn(DECODE);
            });
  }
}
