package org.fedbridge.core.dkg;

import static org.assertj.core.api.Assertions.assertThat;
import static org.fedbridge.core.testing.Gens.intRange;
import static org.quicktheories.QuickTheory.qt;

import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import org.fedbridge.core.types.Rejection;
import org.fedbridge.core.types.Result;
import org.junit.jupiter.api.Test;

class DkgCodecPropertiesTest {
  static final SecureRandom RND = new SecureRandom();
  static final List<DkgMessage> SAMPLES = samples();

  /** Messages of every kind from a small run where dealer 2 lies to member 3. */
  static List<DkgMessage> samples() {
    LocalDkg net = LocalDkg.create(4, 3, RND);
    Map<Integer, Result<DkgResult>> res =
        net.run(
            (sender, msgs) ->
                sender != 2
                    ? msgs
                    : msgs.stream()
                        .map(
                            m ->
                                m instanceof DkgMessage.Deal d ? DkgTest.badShareFor(net, d, 3) : m)
                        .toList());
    DkgTranscript t = res.get(1).orThrow().transcript();
    List<DkgMessage> all = new ArrayList<>(t.deals());
    all.addAll(t.complaints());
    all.addAll(t.justifications());
    return all;
  }

  @Test
  void everyMessageRoundTrips() {
    qt().withExamples(20).forAll(intRange(0, 1000)).checkAssert(DkgCodecPropertiesTest::roundTrips);
  }

  private static void roundTrips(int pick) {
    DkgMessage m = SAMPLES.get(pick % SAMPLES.size());
    DkgMessage back = DkgCodec.decode(DkgCodec.encode(m)).orThrow();
    assertThat(back.getClass()).isEqualTo(m.getClass());
    assertThat(back.signingHash()).isEqualTo(m.signingHash());
    assertThat(back.signature()).isEqualTo(m.signature());
  }

  @Test
  void mutatedBytesAreRefusedOrFailAuthentication() {
    qt().withExamples(100)
        .forAll(intRange(0, 1000), intRange(0, 100_000), intRange(1, 255))
        .checkAssert(DkgCodecPropertiesTest::mutatedRefused);
  }

  private static void mutatedRefused(int pick, int pos, int xor) {
    DkgMessage m = SAMPLES.get(pick % SAMPLES.size());
    byte[] b = DkgCodec.encode(m);
    b[pos % b.length] ^= (byte) xor;
    Result<DkgMessage> r = DkgCodec.decode(b);
    if (r.isOk()) {
      // Decodes, but it is not the signed message any more (or the signature changed).
      DkgMessage x = r.orThrow();
      boolean same =
          x.signingHash().equals(m.signingHash())
              && java.util.Arrays.equals(x.signature(), m.signature());
      assertThat(same).isFalse();
    } else {
      assertThat(r.rejection())
          .isIn(
              EnumSet.of(
                  Rejection.MALFORMED,
                  Rejection.NON_CANONICAL,
                  Rejection.NOT_ON_CURVE,
                  Rejection.NOT_IN_SUBGROUP,
                  Rejection.INFINITY,
                  Rejection.BAD_LENGTH));
    }
  }

  @Test
  void truncatedOrExtendedIsMalformed() {
    qt().withExamples(20)
        .forAll(intRange(0, 1000), intRange(1, 40))
        .checkAssert(DkgCodecPropertiesTest::truncatedOrExtended);
  }

  private static void truncatedOrExtended(int pick, int d) {
    byte[] b = DkgCodec.encode(SAMPLES.get(pick % SAMPLES.size()));
    assertThat(DkgCodec.decode(java.util.Arrays.copyOf(b, b.length - d)).rejection())
        .isEqualTo(Rejection.MALFORMED);
    assertThat(DkgCodec.decode(java.util.Arrays.copyOf(b, b.length + d)).rejection())
        .isEqualTo(Rejection.MALFORMED);
  }
}
