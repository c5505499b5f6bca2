package org.fedbridge.validator.signing;

import java.time.Instant;
import org.fedbridge.core.message.MessageType;
import org.fedbridge.core.message.SignedMessage;
import org.fedbridge.core.types.UInt256;

/**
 * A batch presented for signing: the message that would be signed and when it became safe.
 *
 * @param message the batch message (root and count), as committed when its block was read
 */
record SigningRequest(MessageType type, UInt256 batchId, SignedMessage message, Instant safeAt) {
  public SigningRequest {
    if (message.type() != type) {
      throw new IllegalArgumentException("message type " + message.type() + " is not " + type);
    }
  }
}
