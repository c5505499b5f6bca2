package org.fedbridge.core.dkg;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.EnumSet;
import org.fedbridge.core.types.Rejection;
import org.junit.jupiter.api.Test;

/**
 * Issue 9 item 16: the codec checks kind, session, sender, counts and the sender's signature over
 * the raw bytes before it decompresses or subgroup-checks any point. Each case below is built so
 * that an earlier check and a later one would give different rejections; the earlier one must win.
 */
class DkgCodecTest {
  static final SecureRandom RND = new SecureRandom();
  static final LocalDkg NET = LocalDkg.create(4, 3, RND);
  static final byte[] DEAL = DkgCodec.encode(NET.sessions.get(0).start().get(0));
  static final int COMMITMENTS = DkgCodec.HEADER + 8;

  /** Member 1's deal with every commitment byte set to 0xFF: no valid G2 point. */
  static byte[] garbagePoints(boolean resign) {
    byte[] b = DEAL.clone();
    Arrays.fill(b, COMMITMENTS, COMMITMENTS + 3 * DkgCodec.G2, (byte) 0xff);
    if (resign) {
      byte[] body = Arrays.copyOf(b, b.length - DkgCodec.SIGNATURE);
      byte[] sig = NET.identities.get(0).sign(DkgCodec.signingHash(body));
      System.arraycopy(sig, 0, b, body.length, DkgCodec.SIGNATURE);
    }
    return b;
  }

  @Test
  void unsignedGarbagePointsAreRefusedByTheSignatureNotByPointDecoding() {
    assertThat(DkgCodec.decode(NET.config, garbagePoints(false)).rejection())
        .isEqualTo(Rejection.BAD_SIGNATURE);
  }

  @Test
  void garbagePointsSignedByTheirDealerAreRefusedAsPoints() {
    // Only a member's own identity key gets a record as far as point decoding.
    assertThat(DkgCodec.decode(NET.config, garbagePoints(true)).rejection())
        .isIn(
            EnumSet.of(
                Rejection.NON_CANONICAL,
                Rejection.NOT_ON_CURVE,
                Rejection.NOT_IN_SUBGROUP,
                Rejection.INFINITY));
  }

  @Test
  void sessionSenderAndCountsAreCheckedBeforeTheSignature() {
    byte[] otherSession = garbagePoints(false);
    otherSession[1] ^= 1;
    assertThat(DkgCodec.decode(NET.config, otherSession).rejection())
        .isEqualTo(Rejection.BAD_MESSAGE);
    for (int sender : new int[] {0, 5, -1}) {
      byte[] b = garbagePoints(false);
      ByteBuffer.wrap(b).putInt(33, sender);
      assertThat(DkgCodec.decode(NET.config, b).rejection()).isEqualTo(Rejection.UNKNOWN_MEMBER);
    }
    byte[] wrongCount = garbagePoints(false);
    ByteBuffer.wrap(wrongCount).putInt(DkgCodec.HEADER, 2); // t = 2 commitments, config says 3
    assertThat(DkgCodec.decode(NET.config, wrongCount).rejection()).isEqualTo(Rejection.MALFORMED);
    byte[] unknownKind = garbagePoints(false);
    unknownKind[0] = 9;
    assertThat(DkgCodec.decode(NET.config, unknownKind).rejection()).isEqualTo(Rejection.MALFORMED);
    byte[] huge = Arrays.copyOf(DEAL, 10 * DEAL.length);
    assertThat(DkgCodec.decode(NET.config, huge).rejection()).isEqualTo(Rejection.BAD_LENGTH);
  }

  @Test
  void aValidDealDecodesAndReEncodesToTheSameBytes() {
    DkgMessage m = DkgCodec.decode(NET.config, DEAL).orThrow();
    assertThat(DkgCodec.encode(m)).isEqualTo(DEAL);
    assertThat(DkgCodec.sessionOf(DEAL)).contains(NET.config.sessionId());
    assertThat(DkgCodec.maxLength(NET.config)).isEqualTo(DEAL.length);
  }
}
