package org.fedbridge.validator.signing;

import org.fedbridge.core.message.MessageType;
import org.fedbridge.core.threshold.PartialSignature;
import org.fedbridge.core.types.Bytes32;
import org.fedbridge.core.types.UInt256;

/**
 * What the signing pipeline produced for one batch: this member's partial signature over the
 * batch's digest in {@code epoch}, already recorded by the signing protection.
 */
public record SignedPartial(
    MessageType type, long epoch, UInt256 batchId, Bytes32 digest, PartialSignature partial) {}
