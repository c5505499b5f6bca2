package org.fedbridge.validator.consensus;

import java.time.Instant;
import java.util.Arrays;
import org.fedbridge.core.types.Bytes32;

/**
 * A certificate this validator holds, verified against its epoch's group key before it was stored.
 *
 * @param seq position in this validator's certificate book (ascending in the order learnt)
 * @param key type, batch id and signing epoch
 * @param digest the certified digest
 * @param record the certificate record as on {@code bridge.certificates} (bridge-core wire format)
 * @param combinedHere whether this validator combined it (else it was read from the topic)
 * @param certifiedAt when this validator learnt of it
 */
public record Certificate(
    long seq,
    BatchKey key,
    Bytes32 digest,
    byte[] record,
    boolean combinedHere,
    Instant certifiedAt) {

  public Certificate {
    record = record.clone();
  }

  /** The record's content (decoded again; it was verified before it was stored). */
  public CertificateContent content() {
    return CertificateWire.decode(record).orThrow();
  }

  @Override
  public byte[] record() {
    return record.clone();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Certificate c
        && seq == c.seq
        && key.equals(c.key)
        && digest.equals(c.digest)
        && Arrays.equals(record, c.record)
        && combinedHere == c.combinedHere
        && certifiedAt.equals(c.certifiedAt);
  }

  @Override
  public int hashCode() {
    return Long.hashCode(seq) * 31 + key.hashCode();
  }

  @Override
  public String toString() {
    return "Certificate[" + seq + ", " + key + ", " + digest + "]";
  }
}
