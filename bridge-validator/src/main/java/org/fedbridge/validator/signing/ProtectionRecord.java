package org.fedbridge.validator.signing;

import java.time.Instant;
import java.util.Optional;
import org.fedbridge.core.message.MessageType;
import org.fedbridge.core.threshold.PartialSignature;
import org.fedbridge.core.types.Bytes32;
import org.fedbridge.core.types.UInt256;

/**
 * One row of the signing protection: this member signed {@code digest} for ({@code type}, {@code
 * batchId}, {@code epoch}) and nothing else will ever be signed for that key.
 *
 * @param partial the partial signature, empty for a record imported without one
 * @param imported whether it came from an interchange file rather than from signing here
 * @param sequence order of recording (for paging through signed partials)
 */
public record ProtectionRecord(
    MessageType type,
    UInt256 batchId,
    long epoch,
    Bytes32 digest,
    Optional<PartialSignature> partial,
    boolean imported,
    Instant recordedAt,
    long sequence) {

  /** The signed partial, when this record carries one. */
  public Optional<SignedPartial> signedPartial() {
    return partial.map(p -> new SignedPartial(type, epoch, batchId, digest, p));
  }
}
