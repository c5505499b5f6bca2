package org.fedbridge.core.threshold;

import java.nio.ByteBuffer;
import org.fedbridge.core.bls.Signature;
import org.fedbridge.core.types.Rejection;
import org.fedbridge.core.types.Result;

/**
 * A member's signature share {@code f(index) · H(digest)}. It is a valid BLS signature under the
 * member's share key only, never under the group key.
 */
public record PartialSignature(int index, Signature signature) {
  public PartialSignature {
    if (index < 1 || signature == null) {
      throw new IllegalArgumentException("partial needs index >= 1 and a signature");
    }
  }

  /** Wire form for the partials topic: {@code index (4 bytes, big-endian) ‖ G1 compressed (48)}. */
  public byte[] encode() {
    return ByteBuffer.allocate(52).putInt(index).put(signature.toCompressed()).array();
  }

  /** Decodes {@link #encode()}'s form with every point check; rejections as values. */
  public static Result<PartialSignature> decode(byte[] bytes) {
    if (bytes == null || bytes.length != 52) {
      return Result.err(Rejection.BAD_LENGTH, "partial signature needs 52 bytes");
    }
    ByteBuffer in = ByteBuffer.wrap(bytes);
    int index = in.getInt();
    if (index < 1 || index > ThresholdPolicy.MAX_MEMBERS) {
      return Result.err(Rejection.UNKNOWN_MEMBER, "index " + index);
    }
    byte[] sig = new byte[48];
    in.get(sig);
    return Signature.fromCompressed(sig).map(s -> new PartialSignature(index, s));
  }
}
