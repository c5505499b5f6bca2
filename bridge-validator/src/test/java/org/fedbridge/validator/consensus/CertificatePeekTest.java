package org.fedbridge.validator.consensus;

import static org.assertj.core.api.Assertions.assertThat;

import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.fedbridge.core.threshold.PartialSignature;
import org.fedbridge.core.threshold.ThresholdSigner;
import org.fedbridge.core.threshold.ThresholdVerifier;
import org.fedbridge.core.types.Bytes32;
import org.fedbridge.validator.batch.ObservedBatch;
import org.junit.jupiter.api.Test;

/** The header peek that lets the consensus drop copies of held certificates undecoded. */
class CertificatePeekTest {
  static final TestFederation FED = new TestFederation(3, 4, "op-", new SecureRandom());

  private static byte[] certificate(ObservedBatch batch) {
    Bytes32 digest = batch.message().digest(FED.domain);
    List<PartialSignature> ps = new ArrayList<>();
    for (int i = 0; i < FED.t; i++) {
      ps.add(ThresholdSigner.partialSign(FED.shares.get(i), digest));
    }
    var sig = ThresholdVerifier.interpolate(ps).orThrow();
    return CertificateWire.encode(
        FED.epoch, batch, sig, ps.stream().map(PartialSignature::index).toList(), 2);
  }

  @Test
  void namesTheSameBatchAsTheFullDecoding() {
    for (ObservedBatch batch :
        List.of(TestBatches.deposits(1_234_567, 1), TestBatches.deposits(42, 300))) {
      byte[] record = certificate(batch);
      assertThat(CertificateWire.peekBatchKey(record))
          .contains(CertificateWire.decode(record).orThrow().key())
          .hasValueSatisfying(k -> assertThat(k.epoch()).isEqualTo(3));
    }
  }

  @Test
  void anythingThatDoesNotStartLikeABatchCertificateNamesNothing() {
    byte[] record = certificate(TestBatches.deposits(7, 2));
    assertThat(CertificateWire.peekBatchKey(null)).isEmpty();
    assertThat(CertificateWire.peekBatchKey(Arrays.copyOf(record, 42))).isEmpty();
    byte[] version = record.clone();
    version[0] = 2;
    assertThat(CertificateWire.peekBatchKey(version)).isEmpty();
    byte[] kind = record.clone();
    kind[1] = 1; // a partial, not a certificate
    assertThat(CertificateWire.peekBatchKey(kind)).isEmpty();
    byte[] type = record.clone();
    type[2] = (byte) 0xee;
    assertThat(CertificateWire.peekBatchKey(type)).isEmpty();
    byte[] hugeEpoch = record.clone();
    hugeEpoch[3] = (byte) 0x80;
    assertThat(CertificateWire.peekBatchKey(hugeEpoch)).isEmpty();
  }
}
