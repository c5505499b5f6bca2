package org.fedbridge.core.wire;

import static org.assertj.core.api.Assertions.assertThat;
import static org.fedbridge.core.wire.WireFixtures.ANY_EPOCH;
import static org.fedbridge.core.wire.WireFixtures.bytes;
import static org.fedbridge.core.wire.WireFixtures.certificates;
import static org.fedbridge.core.wire.WireFixtures.heartbeats;
import static org.fedbridge.core.wire.WireFixtures.identity;
import static org.fedbridge.core.wire.WireFixtures.partials;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.Set;
import org.fedbridge.core.types.Rejection;
import org.fedbridge.core.types.Result;
import org.junit.jupiter.api.Test;
import org.quicktheories.generators.Generate;

/**
 * Every record round-trips, and any corruption (a flipped byte, truncation, trailing bytes,
 * garbage) gives a documented rejection as a value, never an exception and never the same record
 * from different bytes.
 */
class WireCodecPropertiesTest {
  static final Set<Rejection> POINT =
      EnumSet.of(
          Rejection.NON_CANONICAL,
          Rejection.NOT_ON_CURVE,
          Rejection.NOT_IN_SUBGROUP,
          Rejection.INFINITY);
  static final Set<Rejection> SIGNED_RECORD =
      EnumSet.of(
          Rejection.BAD_LENGTH,
          Rejection.MALFORMED,
          Rejection.UNSUPPORTED,
          Rejection.UNKNOWN_MEMBER,
          Rejection.BAD_MESSAGE);

  @Test
  void partialRecordsRoundTrip() {
    qt().withExamples(100)
        .forAll(partials())
        .checkAssert(
            r -> {
              byte[] b = r.encode(identity(r.index()));
              assertThat(b).hasSize(PartialRecord.LENGTH);
              assertThat(PartialRecord.decode(b, ANY_EPOCH).orThrow()).isEqualTo(r);
              assertThat(r.kafkaKey()).isEqualTo(r.digest().bytes());
            });
  }

  @Test
  void everyFlippedByteOfAPartialRecordIsRefused() {
    qt().withExamples(300)
        .forAll(partials(), integers().between(0, PartialRecord.LENGTH - 1), xors())
        .checkAssert(
            (r, pos, xor) -> {
              byte[] b = r.encode(identity(r.index()));
              b[pos] ^= xor.byteValue();
              // The identity signature covers every byte: no flip can yield a record.
              Result<PartialRecord> d = PartialRecord.decode(b, ANY_EPOCH);
              assertThat(d.isOk()).isFalse();
              assertThat(d.rejection()).isIn(SIGNED_RECORD);
            });
  }

  @Test
  void heartbeatsRoundTrip() {
    qt().withExamples(100)
        .forAll(heartbeats())
        .checkAssert(
            r -> {
              byte[] b = r.encode(identity(r.index()));
              assertThat(b.length).isBetween(HeartbeatRecord.FIXED + 1, HeartbeatRecord.FIXED + 32);
              assertThat(HeartbeatRecord.decode(b, ANY_EPOCH).orThrow()).isEqualTo(r);
            });
  }

  @Test
  void everyFlippedByteOfAHeartbeatIsRefused() {
    qt().withExamples(300)
        .forAll(heartbeats(), integers().between(0, 10_000), xors())
        .checkAssert(
            (r, at, xor) -> {
              byte[] b = r.encode(identity(r.index()));
              b[at % b.length] ^= xor.byteValue();
              Result<HeartbeatRecord> d = HeartbeatRecord.decode(b, ANY_EPOCH);
              assertThat(d.isOk()).isFalse();
              assertThat(d.rejection()).isIn(SIGNED_RECORD);
            });
  }

  @Test
  void certificatesRoundTrip() {
    qt().withExamples(100)
        .forAll(certificates())
        .checkAssert(
            c -> {
              byte[] b = c.encode();
              assertThat(b).hasSize(CertificateRecord.FIXED + 2 * c.signers().size());
              assertThat(CertificateRecord.decode(b).orThrow()).isEqualTo(c);
            });
  }

  @Test
  void aFlippedCertificateByteIsRefusedOrIsAnotherCanonicalRecord() {
    qt().withExamples(300)
        .forAll(certificates(), integers().between(0, 10_000), xors())
        .checkAssert(
            (c, at, xor) -> {
              byte[] b = c.encode();
              b[at % b.length] ^= xor.byteValue();
              Result<CertificateRecord> d = CertificateRecord.decode(b);
              if (d.isOk()) {
                // Unsigned on the wire (the BLS check comes later): a flip may decode, but only as
                // a different record whose unique encoding is exactly these bytes.
                assertThat(d.orThrow()).isNotEqualTo(c);
                assertThat(d.orThrow().encode()).isEqualTo(b);
              } else {
                Set<Rejection> allowed = EnumSet.copyOf(POINT);
                allowed.addAll(
                    EnumSet.of(Rejection.BAD_LENGTH, Rejection.MALFORMED, Rejection.UNSUPPORTED));
                assertThat(d.rejection()).isIn(allowed);
              }
            });
  }

  @Test
  void truncatedOrExtendedRecordsAreBadLength() {
    qt().withExamples(150)
        .forAll(partials(), heartbeats(), certificates(), integers().between(1, 200))
        .checkAssert(
            (p, h, c, delta) -> {
              byte[] pb = p.encode(identity(p.index()));
              byte[] hb = h.encode(identity(h.index()));
              byte[] cb = c.encode();
              for (int d : new int[] {-delta, delta}) {
                assertThat(PartialRecord.decode(resize(pb, d), ANY_EPOCH).rejection())
                    .isEqualTo(Rejection.BAD_LENGTH);
                assertThat(HeartbeatRecord.decode(resize(hb, d), ANY_EPOCH).rejection())
                    .isEqualTo(Rejection.BAD_LENGTH);
                assertThat(CertificateRecord.decode(resize(cb, d)).rejection())
                    .isEqualTo(Rejection.BAD_LENGTH);
              }
            });
  }

  @Test
  void garbageIsRefusedAsAValueByEveryDecoder() {
    qt().withExamples(500)
        .forAll(bytes(0, 600), Generate.pick(Arrays.asList(null, 1, 2, 3)))
        .checkAssert(
            (junk, type) -> {
              byte[] b = junk;
              if (type != null && b.length >= 3) {
                // A valid header makes the decoders look past it.
                b = b.clone();
                b[0] = WireFormat.MAGIC;
                b[1] = WireFormat.VERSION;
                b[2] = type.byteValue();
              }
              assertThat(PartialRecord.decode(b, ANY_EPOCH).isOk()).isFalse();
              assertThat(HeartbeatRecord.decode(b, ANY_EPOCH).isOk()).isFalse();
              Result<CertificateRecord> c = CertificateRecord.decode(b);
              if (c.isOk()) {
                assertThat(c.orThrow().encode()).isEqualTo(b);
              }
            });
  }

  private static org.quicktheories.core.Gen<Integer> xors() {
    return integers().between(1, 255);
  }

  private static byte[] resize(byte[] b, int delta) {
    return Arrays.copyOf(b, Math.max(0, b.length + delta));
  }
}
