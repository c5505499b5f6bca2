package org.fedbridge.core.threshold;

import org.fedbridge.core.bls.PublicKey;
import org.fedbridge.core.bls.SecretKey;

/**
 * A member's share {@code f(index)} of the group secret. Redacted in {@code toString} (through
 * {@link SecretKey}); {@link #close()} zeroes it.
 */
public record SecretShare(int index, SecretKey key) implements AutoCloseable {
  public SecretShare {
    if (index < 1) {
      throw new IllegalArgumentException("share index starts at 1");
    }
  }

  /** The share public key {@code f(index) · G2}. */
  public PublicKey publicKey() {
    return key.publicKey();
  }

  @Override
  public void close() {
    key.close();
  }
}
