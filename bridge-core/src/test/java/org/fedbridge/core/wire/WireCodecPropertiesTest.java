package org.fedbridge.core.wire;

import static org.assertj.core.api.Assertions.assertThat;
import static org.fedbridge.core.wire.WireFixtures.GROUP;
import static org.fedbridge.core.wire.WireFixtures.bytes;
import static org.fedbridge.core.wire.WireFixtures.certificates;
import static org.fedbridge.core.wire.WireFixtures.domain;
import static org.fedbridge.core.wire.WireFixtures.heartbeats;
import static org.fedbridge.core.wire.WireFixtures.identity;
import static org.fedbridge.core.wire.WireFixtures.memberKey;
import static org.fedbridge.core.wire.WireFixtures.partials;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.Set;
import org.fedbridge.core.bls.PublicKey;
import org.fedbridge.core.types.Rejection;
import org.fedbridge.core.types.Result;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.Generate;

/**
 * Every record round-trips, and every corruption (a flipped byte, truncation, trailing bytes,
 * garbage) is refused with a rejection value or decodes to a different record that fails
 * authentication or verification; never an exception.
 */
class WireCodecPropertiesTest {
  static final PublicKey GROUP_KEY = GROUP.publicKey();
  static final Set<Rejection> DECODE =
      EnumSet.of(
          Rejection.BAD_LENGTH,
          Rejection.UNSUPPORTED,
          Rejection.MALFORMED,
          Rejection.UNKNOWN_MEMBER,
          Rejection.NON_CANONICAL,
          Rejection.NOT_ON_CURVE,
          Rejection.NOT_IN_SUBGROUP,
          Rejection.INFINITY,
          Rejection.THRESHOLD_POLICY,
          Rejection.DUPLICATE_MEMBER);

  @Test
  void partialRecordsRoundTrip() {
    qt().withExamples(100)
        .forAll(partials())
        .checkAssert(
            r -> {
              byte[] b = r.encode();
              assertThat(b).hasSize(PartialRecord.LENGTH);
              PartialRecord back = PartialRecord.decode(b).orThrow();
              assertThat(back).isEqualTo(r);
              assertThat(back.authenticate(identity(r.index()).publicKey()).isOk()).isTrue();
              assertThat(back.partial().orThrow()).isEqualTo(r.partial().orThrow());
              assertThat(back.kafkaKey()).isEqualTo(r.digest().bytes());
              assertThat(back.type()).isEqualTo(r.type());
              assertThat(back.epoch()).isEqualTo(r.epoch());
              assertThat(back.batchId()).isEqualTo(r.batchId());
            });
  }

  @Test
  void everyFlippedByteOfAPartialIsRefusedOrFailsAuthentication() {
    qt().withExamples(300)
        .forAll(partials(), integers().between(0, PartialRecord.LENGTH - 1), xors())
        .checkAssert(
            (r, pos, xor) -> {
              byte[] b = r.encode();
              b[pos] ^= xor.byteValue();
              Result<PartialRecord> d = PartialRecord.decode(b);
              if (d.isOk()) {
                PartialRecord x = d.orThrow();
                assertThat(x).isNotEqualTo(r);
                // The consumer looks the key up by the record's own index: never authentic.
                assertThat(memberKey(x.index()).map(k -> x.authenticate(k).isOk()).orElse(false))
                    .isFalse();
              } else {
                assertThat(d.rejection()).isIn(DECODE);
              }
            });
  }

  @Test
  void certificatesRoundTripAndVerify() {
    qt().withExamples(60)
        .forAll(certificates())
        .checkAssert(
            c -> {
              CertificateRecord back = CertificateRecord.decode(c.encode()).orThrow();
              assertThat(back).isEqualTo(c);
              assertThat(back.encode()).isEqualTo(c.encode());
              assertThat(back.verify(GROUP_KEY, domain(c.epoch()))).isTrue();
              assertThat(back.kafkaKey()[0]).isEqualTo((byte) c.body().type().code());
            });
  }

  @Test
  void aFlippedCertificateByteIsRefusedOrFailsVerificationOrChangesOnlyTheClaims() {
    qt().withExamples(200)
        .forAll(certificates(), integers().between(0, 100_000), xors())
        .checkAssert(
            (c, at, xor) -> {
              byte[] b = c.encode();
              b[at % b.length] ^= xor.byteValue();
              Result<CertificateRecord> d = CertificateRecord.decode(b);
              if (!d.isOk()) {
                assertThat(d.rejection()).isIn(DECODE);
                return;
              }
              CertificateRecord x = d.orThrow();
              assertThat(x).isNotEqualTo(c);
              assertThat(x.encode()).isEqualTo(b);
              if (x.verify(GROUP_KEY, domain(x.epoch()))) {
                // Only signers and combinedBy are outside the signature: documented claims.
                assertThat(x.epoch()).isEqualTo(c.epoch());
                assertThat(x.body()).isEqualTo(c.body());
                assertThat(x.signature()).isEqualTo(c.signature());
              }
            });
  }

  @Test
  void heartbeatsRoundTrip() {
    qt().withExamples(100)
        .forAll(heartbeats())
        .checkAssert(
            h -> {
              HeartbeatRecord back = HeartbeatRecord.decode(h.encode()).orThrow();
              assertThat(back).isEqualTo(h);
              assertThat(back.heartbeat()).isEqualTo(h.heartbeat());
              assertThat(back.authenticate().isOk()).isTrue();
              assertThat(back.kafkaKey()).isEqualTo(h.heartbeat().identityKey().compressed());
            });
  }

  @Test
  void everyFlippedByteOfAHeartbeatIsRefusedOrFailsAuthentication() {
    qt().withExamples(300)
        .forAll(heartbeats(), integers().between(0, 100_000), xors())
        .checkAssert(
            (h, at, xor) -> {
              byte[] b = h.encode();
              b[at % b.length] ^= xor.byteValue();
              Result<HeartbeatRecord> d = HeartbeatRecord.decode(b);
              if (d.isOk()) {
                assertThat(d.orThrow()).isNotEqualTo(h);
                assertThat(d.orThrow().authenticate().isOk()).isFalse();
              } else {
                assertThat(d.rejection()).isIn(DECODE);
              }
            });
  }

  @Test
  void truncatedOrExtendedRecordsAreBadLength() {
    qt().withExamples(100)
        .forAll(partials(), heartbeats(), certificates(), integers().between(1, 300))
        .checkAssert(
            (p, h, c, delta) -> {
              for (int d : new int[] {-delta, delta}) {
                assertThat(PartialRecord.decode(resize(p.encode(), d)).rejection())
                    .isEqualTo(Rejection.BAD_LENGTH);
                assertThat(HeartbeatRecord.decode(resize(h.encode(), d)).rejection())
                    .isIn(Rejection.BAD_LENGTH, Rejection.UNSUPPORTED);
                assertThat(CertificateRecord.decode(resize(c.encode(), d)).rejection())
                    .isIn(Rejection.BAD_LENGTH, Rejection.UNSUPPORTED);
              }
            });
  }

  @Test
  void garbageIsRefusedAsAValueByEveryDecoder() {
    qt().withExamples(1000)
        .forAll(bytes(0, 700), Generate.pick(Arrays.asList(0, 1, 2, 3)))
        .checkAssert(
            (junk, kind) -> {
              byte[] b = junk.clone();
              if (kind != 0 && b.length >= 2) {
                // A valid header takes the decoders past it into the body.
                b[0] = WireFormat.VERSION;
                b[1] = kind.byteValue();
              }
              Result<PartialRecord> p = PartialRecord.decode(b);
              if (p.isOk()) {
                PartialRecord x = p.orThrow();
                assertThat(memberKey(x.index()).map(k -> x.authenticate(k).isOk()).orElse(false))
                    .isFalse();
              }
              Result<HeartbeatRecord> h = HeartbeatRecord.decode(b);
              assertThat(h.isOk() && h.orThrow().authenticate().isOk()).isFalse();
              Result<CertificateRecord> c = CertificateRecord.decode(b);
              if (c.isOk()) {
                assertThat(c.orThrow().verify(GROUP_KEY, domain(c.orThrow().epoch()))).isFalse();
              }
            });
  }

  private static Gen<Integer> xors() {
    return integers().between(1, 255);
  }

  private static byte[] resize(byte[] b, int delta) {
    return Arrays.copyOf(b, Math.max(0, b.length + delta));
  }
}
